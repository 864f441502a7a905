/** A Lambda handler as our modules export it: the event in, a JSON-serialisable result out. */
export type Handler = (event: unknown, context: InvocationContext) => unknown;

export interface InvocationContext {
  functionName: string;
  awsRequestId: string;
}

/** A function of the local stack: its name and how to load its handler (a dynamic import, so start-up stays light). */
export interface FunctionDefinition {
  name: string;
  load: () => Promise<Handler>;
}

/** An EventBridge-like schedule: `rate(N minute|minutes|hour|hours|day|days)`, as EventBridge writes it. */
export interface ScheduleDefinition {
  name: string;
  expression: string;
  functionName: string;
  /** The event the function receives; default: an EventBridge "Scheduled Event". */
  input?: unknown;
}

/** An SNS topic's Lambda subscription (CDK: topic.addSubscription(new LambdaSubscription(fn))). */
export interface SubscriptionDefinition {
  topicName: string;
  functionName: string;
}
