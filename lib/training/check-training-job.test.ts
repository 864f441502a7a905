import { DescribeLogStreamsCommand, GetLogEventsCommand, ResourceNotFoundException } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { readLogTail } from "./check-training-job";

type Sent = { name: string; input: Record<string, unknown> };

/** A CloudWatch Logs client answering DescribeLogStreams and GetLogEvents with what a case gives. */
function fakeLogs(streams: { logStreamName: string; lastEventTimestamp?: number }[], messages: string[]) {
  const sent: Sent[] = [];
  const send = (command: unknown) => {
    const c = command as { constructor: { name: string }; input: Record<string, unknown> };
    sent.push({ name: c.constructor.name, input: c.input });
    if (command instanceof DescribeLogStreamsCommand) return Promise.resolve({ logStreams: streams });
    if (command instanceof GetLogEventsCommand)
      return Promise.resolve({ events: messages.map((message, i) => ({ timestamp: i, message })) });
    return Promise.reject(new Error("unexpected command"));
  };
  return { sent, logs: { send } as never };
}

describe("readLogTail", () => {
  it("reads the job's newest stream (prefix <job>/) newest first, limited to the tail", async () => {
    const { sent, logs } = fakeLogs(
      [
        { logStreamName: "job-1/algo-1-100", lastEventTimestamp: 5 },
        { logStreamName: "job-1/algo-1-200", lastEventTimestamp: 9 },
      ],
      ["validation ROC-AUC 0.9100", "done\n"],
    );
    expect(await readLogTail("job-1", { logs })).toEqual(["validation ROC-AUC 0.9100", "done"]);
    expect(sent).toEqual([
      { name: "DescribeLogStreamsCommand", input: { logGroupName: "/aws/sagemaker/TrainingJobs", logStreamNamePrefix: "job-1/" } },
      {
        name: "GetLogEventsCommand",
        input: { logGroupName: "/aws/sagemaker/TrainingJobs", logStreamName: "job-1/algo-1-200", startFromHead: false, limit: 30 },
      },
    ]);
  });

  it("is empty, not an error, before the job has a stream or the account a log group", async () => {
    expect(await readLogTail("job-2", fakeLogs([], []))).toEqual([]);
    const missing = {
      send: () => Promise.reject(new ResourceNotFoundException({ message: "The specified log group does not exist.", $metadata: {} })),
    };
    expect(await readLogTail("job-3", { logs: missing })).toEqual([]);
  });
});
