import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  type GetLogEventsCommandInput,
} from "@aws-sdk/client-cloudwatch-logs";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudWatchLogsClient } from "@/lib/aws/clients";
import { failure } from "./support";

/**
 * CloudWatch Logs as its API reference describes it (CreateLogGroup, CreateLogStream, PutLogEvents,
 * DescribeLogStreams, GetLogEvents; https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/),
 * through the real SDK client over HTTP (AWS JSON 1.1, `X-Amz-Target: Logs_20140328.<Operation>`).
 * Every case works in this file's own log group.
 */
const P = `fid-logs-${Date.now().toString(36)}`;
const GROUP = `/fidelity/${P}`;
const logs = () => cloudWatchLogsClient();
const base = Date.now() - 60_000;

async function stream(name: string, messages: string[]): Promise<void> {
  await logs().send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: name }));
  if (messages.length === 0) return;
  await logs().send(
    new PutLogEventsCommand({
      logGroupName: GROUP,
      logStreamName: name,
      logEvents: messages.map((message, i) => ({ timestamp: base + i, message })),
    }),
  );
}

const read = (input: Partial<GetLogEventsCommandInput>) =>
  logs().send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "job-1/algo-1-1", ...input }));
const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `line ${from + i}`);

beforeAll(async () => {
  await logs().send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  // job-1 and job-10 share the prefix "job-1": the trailing "/" tells them apart, as SageMaker's names do.
  await Promise.all([stream("job-1/algo-1-1", lines(10)), stream("job-10/algo-1-2", ["other job"]), stream("empty", [])]);
});

describe("CreateLogGroup, CreateLogStream (API reference)", () => {
  it("refuses a second group or stream of the same name, and a stream in a group that does not exist", async () => {
    const group = await failure(() => logs().send(new CreateLogGroupCommand({ logGroupName: GROUP })));
    expect(group).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(group.$metadata?.httpStatusCode).toBe(400);
    const again = await failure(() => logs().send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "empty" })));
    expect(again).toBeInstanceOf(ResourceAlreadyExistsException);
    const orphan = await failure(() => logs().send(new CreateLogStreamCommand({ logGroupName: `${GROUP}-none`, logStreamName: "s" })));
    expect(orphan).toMatchObject({ name: "ResourceNotFoundException", message: "The specified log group does not exist." });
    // LogStreamName: pattern [^:*]*.
    const colon = await failure(() => logs().send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "a:b" })));
    expect(colon).toBeInstanceOf(InvalidParameterException);
  });
});

describe("PutLogEvents (API reference)", () => {
  it("takes a chronological batch, refuses one out of order, and rejects events too old or too new while storing the rest", async () => {
    await logs().send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "put" }));
    const put = (logEvents: { timestamp: number; message: string }[]) =>
      logs().send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: "put", logEvents }));
    const unordered = await failure(() =>
      put([
        { timestamp: base + 1, message: "b" },
        { timestamp: base, message: "a" },
      ]),
    );
    expect(unordered).toMatchObject({
      name: "InvalidParameterException",
      message: "Log events in a single PutLogEvents request must be in chronological order.",
    });
    const now = Date.now();
    const out = await put([
      { timestamp: now - 15 * 24 * 3_600_000, message: "older than 14 days" },
      { timestamp: now, message: "kept" },
      { timestamp: now + 3 * 3_600_000, message: "more than 2 hours ahead" },
    ]);
    // tooOldLogEventEndIndex is exclusive, tooNewLogEventStartIndex inclusive.
    expect(out.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 2 });
    const stored = await read({ logStreamName: "put", startFromHead: true });
    expect(stored.events?.map((e) => e.message)).toEqual(["kept"]);
    expect(stored.events?.[0]).toMatchObject({ timestamp: now, ingestionTime: expect.any(Number) as number });
    const missing = await failure(() =>
      logs().send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: "nope", logEvents: [{ timestamp: now, message: "x" }] })),
    );
    expect(missing).toMatchObject({ name: "ResourceNotFoundException", message: "The specified log stream does not exist." });
  });
});

describe("DescribeLogStreams (API reference)", () => {
  it("lists by name (default) with logStreamNamePrefix, descending, limit and nextToken", async () => {
    const byPrefix = await logs().send(new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: "job-1/" }));
    expect(byPrefix.logStreams?.map((s) => s.logStreamName)).toEqual(["job-1/algo-1-1"]);
    expect(byPrefix.logStreams?.[0]).toMatchObject({
      creationTime: expect.any(Number) as number,
      firstEventTimestamp: base,
      lastEventTimestamp: base + 9,
      arn: expect.stringMatching(new RegExp(`^arn:aws:logs:[a-z0-9-]+:\\d{12}:log-group:${GROUP}:log-stream:job-1/algo-1-1$`)) as string,
      // "As of June 17, 2019, this parameter is no longer supported for log streams, and is always reported as zero."
      storedBytes: 0,
    });
    const first = await logs().send(new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: "job-1", limit: 1 }));
    expect(first.logStreams?.map((s) => s.logStreamName)).toEqual(["job-1/algo-1-1"]);
    expect(first.nextToken).toBeDefined();
    const second = await logs().send(
      new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: "job-1", limit: 1, nextToken: first.nextToken }),
    );
    expect(second.logStreams?.map((s) => s.logStreamName)).toEqual(["job-10/algo-1-2"]);
    expect(second.nextToken).toBeUndefined();
    const descending = await logs().send(
      new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: "job-", descending: true }),
    );
    expect(descending.logStreams?.map((s) => s.logStreamName)).toEqual(["job-10/algo-1-2", "job-1/algo-1-1"]);
  });

  it("orders by LastEventTime, but not together with a prefix; an unknown group is ResourceNotFoundException", async () => {
    const newest = await logs().send(
      new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: "LastEventTime", descending: true, limit: 1 }),
    );
    expect(newest.logStreams?.[0]?.logStreamName).toBe("put");
    const both = await failure(() =>
      logs().send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: "LastEventTime", logStreamNamePrefix: "job" })),
    );
    expect(both).toMatchObject({ name: "InvalidParameterException", message: "Cannot order by LastEventTime with a logStreamNamePrefix." });
    const unknown = await failure(() => logs().send(new DescribeLogStreamsCommand({ logGroupName: `${GROUP}-none` })));
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect(unknown).toMatchObject({ message: "The specified log group does not exist.", $metadata: { httpStatusCode: 400 } });
    // Limit: 1–50.
    const tooMany = await failure(() => logs().send(new DescribeLogStreamsCommand({ logGroupName: GROUP, limit: 51 })));
    expect(tooMany).toBeInstanceOf(InvalidParameterException);
  });
});

describe("GetLogEvents (API reference)", () => {
  it("startFromHead false (the default) gives the newest events, the page itself in time order", async () => {
    const tail = await read({ startFromHead: false, limit: 3 });
    expect(tail.events?.map((e) => e.message)).toEqual(lines(3, 7));
    const head = await read({ startFromHead: true, limit: 3 });
    expect(head.events?.map((e) => e.message)).toEqual(lines(3));
    // Without a limit: everything that fits in 1 MB, up to 10,000 events.
    expect((await read({})).events).toHaveLength(10);
  });

  it("pages with nextBackwardToken and nextForwardToken, and returns the token passed in at the end of the stream", async () => {
    const tail = await read({ limit: 4 });
    const older = await read({ nextToken: tail.nextBackwardToken, limit: 4 });
    expect(older.events?.map((e) => e.message)).toEqual(lines(4, 2));
    const oldest = await read({ nextToken: older.nextBackwardToken, limit: 4 });
    expect(oldest.events?.map((e) => e.message)).toEqual(lines(2));
    const beyond = await read({ nextToken: oldest.nextBackwardToken, limit: 4 });
    expect(beyond.events).toEqual([]);
    expect(beyond.nextBackwardToken).toBe(oldest.nextBackwardToken);

    // "If you are using a previous nextForwardToken value as the nextToken ..., you must specify true for startFromHead."
    const head = await read({ startFromHead: true, limit: 6 });
    const rest = await read({ startFromHead: true, nextToken: head.nextForwardToken, limit: 6 });
    expect(rest.events?.map((e) => e.message)).toEqual(lines(4, 6));
    const end = await read({ startFromHead: true, nextToken: rest.nextForwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(rest.nextForwardToken);
    // Events written after a forward token are read from it.
    await logs().send(
      new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: "job-1/algo-1-1",
        logEvents: [{ timestamp: base + 10, message: "line 10" }],
      }),
    );
    const appended = await read({ startFromHead: true, nextToken: end.nextForwardToken });
    expect(appended.events?.map((e) => e.message)).toEqual(["line 10"]);
  });

  it("startTime is inclusive and endTime exclusive; unknown streams and groups are ResourceNotFoundException", async () => {
    const window = await read({ startFromHead: true, startTime: base + 2, endTime: base + 5 });
    expect(window.events?.map((e) => e.message)).toEqual(lines(3, 2));
    const stream = await failure(() => read({ logStreamName: "job-2/algo-1-1" }));
    expect(stream).toMatchObject({ name: "ResourceNotFoundException", message: "The specified log stream does not exist." });
    const group = await failure(() => read({ logGroupName: `${GROUP}-none` }));
    expect(group).toMatchObject({ name: "ResourceNotFoundException", message: "The specified log group does not exist." });
    const badToken = await failure(() => read({ nextToken: "not-a-token" }));
    expect(badToken).toBeInstanceOf(InvalidParameterException);
  });
});
