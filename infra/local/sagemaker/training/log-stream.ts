import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
  type CloudWatchLogsClient,
  type InputLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { cloudWatchLogsClient } from "@/lib/aws/clients";

/** Where SageMaker writes every training job's output (developer guide, "Logs for Built-in Algorithms"). */
export const TRAINING_LOG_GROUP = "/aws/sagemaker/TrainingJobs";

/** A buffered batch goes out after this long (the container's log driver batches too), or when full. */
const FLUSH_AFTER_MS = 250;
/** Well inside PutLogEvents' limits (10,000 events, 1,048,576 bytes counting 26 per event). */
const MAX_BATCH_EVENTS = 1_000;
const MAX_BATCH_BYTES = 512 * 1024;

/**
 * The job's log stream `<TrainingJobName>/algo-1-<epoch seconds>` (one per instance, named for the
 * instance and its start), written as the container's output reaches CloudWatch Logs on AWS: through
 * the real SDK client at AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, creating the group and stream first.
 * Best effort like the log driver: a failed write is reported on stderr and never fails the job.
 */
export class TrainingLogStream {
  readonly streamName: string;
  private pending: InputLogEvent[] = [];
  private pendingBytes = 0;
  private timer?: NodeJS.Timeout;
  private created = false;
  private sending: Promise<void> = Promise.resolve();
  private warned = false;

  constructor(
    jobName: string,
    startedAt: number,
    private readonly client: Pick<CloudWatchLogsClient, "send"> = cloudWatchLogsClient(),
  ) {
    this.streamName = `${jobName}/algo-1-${Math.floor(startedAt / 1000)}`;
  }

  /** One output line at `at` (epoch ms). CloudWatch Logs refuses empty messages, so blank lines are skipped. */
  add(message: string, at: number): void {
    if (message === "") return;
    this.pending.push({ timestamp: at, message });
    this.pendingBytes += Buffer.byteLength(message, "utf8") + 26;
    if (this.pending.length >= MAX_BATCH_EVENTS || this.pendingBytes >= MAX_BATCH_BYTES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
  }

  /** Sends what is buffered; resolves once everything added so far has been written (or given up). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.sending = this.sending.then(() => (batch.length > 0 ? this.send(batch) : undefined));
    return this.sending;
  }

  private async send(logEvents: InputLogEvent[]): Promise<void> {
    try {
      if (!this.created) {
        await ignoreExisting(this.client.send(new CreateLogGroupCommand({ logGroupName: TRAINING_LOG_GROUP })));
        await ignoreExisting(
          this.client.send(new CreateLogStreamCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamName: this.streamName })),
        );
        this.created = true;
      }
      await this.client.send(new PutLogEventsCommand({ logGroupName: TRAINING_LOG_GROUP, logStreamName: this.streamName, logEvents }));
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      process.stderr.write(`sagemaker emulator: could not write ${this.streamName} to CloudWatch Logs: ${String(error)}\n`);
    }
  }
}

async function ignoreExisting(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;
  }
}
