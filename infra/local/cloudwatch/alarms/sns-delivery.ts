import { snsLambdaEvent, type AlarmStateChangeMessage } from "./sns-message";

/** An SNS topic's Lambda subscription, as the CDK app declares it (topic.addSubscription(new LambdaSubscription(fn))). */
export interface SnsLambdaSubscription {
  topicName: string;
  functionName: string;
}

export interface SnsDeliveryOptions {
  subscriptions: ReadonlyArray<SnsLambdaSubscription>;
  /** The Lambda endpoint (the local functions host), read when a message goes out. */
  lambdaEndpoint: () => string | undefined;
  /** Waits between delivery attempts; SNS retries a Lambda it could not reach. */
  retryDelaysMs?: ReadonlyArray<number>;
}

export interface DeliveryOutcome {
  functionName: string;
  ok: boolean;
  detail: string;
}

const DEFAULT_RETRY_DELAYS_MS = [500, 2000];

/**
 * The part of SNS that alarm actions need: a message published to a topic goes to each Lambda
 * subscribed to it, invoked asynchronously (Lambda Invoke API, `InvocationType: Event`) with the
 * SNS event shape. A delivery that fails is retried with the same message (same MessageId), as SNS
 * redelivers: the subscriber must be idempotent.
 */
export class SnsDelivery {
  constructor(private readonly opts: SnsDeliveryOptions) {}

  async publish(topicArn: string, message: AlarmStateChangeMessage, atMs: number): Promise<DeliveryOutcome[]> {
    const topicName = topicArn.split(":").at(-1) ?? "";
    const targets = this.opts.subscriptions.filter((s) => s.topicName === topicName);
    if (targets.length === 0) return [{ functionName: "", ok: false, detail: `no subscription to topic ${topicName}` }];
    const event = snsLambdaEvent(topicArn, message, atMs);
    return Promise.all(targets.map((t) => this.deliver(t.functionName, event)));
  }

  private async deliver(functionName: string, event: unknown): Promise<DeliveryOutcome> {
    const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    let detail = "";
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
      const endpoint = this.opts.lambdaEndpoint();
      if (!endpoint) return { functionName, ok: false, detail: "no Lambda endpoint configured (AWS_ENDPOINT_URL_LAMBDA)" };
      try {
        const response = await fetch(`${endpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-amz-invocation-type": "Event" },
          body: JSON.stringify(event),
        });
        await response.arrayBuffer();
        if (response.status === 202 || response.ok) return { functionName, ok: true, detail: `status ${response.status}` };
        detail = `status ${response.status}`;
        if (response.status < 500 && response.status !== 429) break;
      } catch (error) {
        detail = error instanceof Error ? error.message : String(error);
      }
    }
    return { functionName, ok: false, detail };
  }
}
