import { z } from "zod";
import { logStreamArn } from "../arn";
import { invalidNextToken, invalidParameter } from "../errors";
import type { LogStreamState } from "../store";
import { logGroupName, logStreamName, parseRequest, resolveLogGroup } from "../wire";
import type { LogsOperation } from "./context";

const schema = z.object({
  logGroupName: logGroupName.optional(),
  logGroupIdentifier: z.string().min(1).max(2048).optional(),
  logStreamNamePrefix: logStreamName.optional(),
  orderBy: z.enum(["LogStreamName", "LastEventTime"]).optional(),
  descending: z.boolean().optional(),
  nextToken: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});

type SortKey = [number, string];

/** Page tokens carry the request they belong to and the sort key of the page's last stream. */
const tokenSchema = z.object({ g: z.string(), o: z.string(), d: z.boolean(), p: z.string(), k: z.tuple([z.number(), z.string()]) });

const encode = (token: z.infer<typeof tokenSchema>) => Buffer.from(JSON.stringify(token)).toString("base64url");

function decode(text: string): z.infer<typeof tokenSchema> {
  try {
    return tokenSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw invalidNextToken();
  }
}

const compare = (a: SortKey, b: SortKey) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/**
 * DescribeLogStreams (API reference): by name (default) or by the time of the last event
 * (`orderBy: LastEventTime`, which cannot be combined with `logStreamNamePrefix`), ascending unless
 * `descending`, up to `limit` (default 50) a page, `nextToken` for the rest. `storedBytes` is always 0,
 * as AWS reports it for streams since 2019.
 */
export const describeLogStreams: LogsOperation = (ctx, body) => {
  const req = parseRequest(schema, body);
  const orderBy = req.orderBy ?? "LogStreamName";
  if (orderBy === "LastEventTime" && req.logStreamNamePrefix !== undefined) {
    throw invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
  }
  const group = resolveLogGroup(ctx.store, req);
  const descending = req.descending ?? false;
  const prefix = req.logStreamNamePrefix ?? "";
  const keyOf = (s: LogStreamState): SortKey => [orderBy === "LastEventTime" ? (s.events.at(-1)?.timestamp ?? 0) : 0, s.name];
  const direction = descending ? -1 : 1;
  let streams = [...group.streams.values()]
    .filter((s) => s.name.startsWith(prefix))
    .sort((a, b) => direction * compare(keyOf(a), keyOf(b)));
  if (req.nextToken !== undefined) {
    const token = decode(req.nextToken);
    if (token.g !== group.name || token.o !== orderBy || token.d !== descending || token.p !== prefix) throw invalidNextToken();
    streams = streams.filter((s) => direction * compare(keyOf(s), token.k) > 0);
  }
  const limit = req.limit ?? 50;
  const page = streams.slice(0, limit);
  const last = page.at(-1);
  return {
    logStreams: page.map((s) => ({
      logStreamName: s.name,
      creationTime: s.creationTime,
      ...(s.events.length > 0
        ? {
            firstEventTimestamp: s.events[0]!.timestamp,
            lastEventTimestamp: s.events.at(-1)!.timestamp,
            lastIngestionTime: s.lastIngestionTime,
          }
        : {}),
      uploadSequenceToken: String(s.events.length).padStart(56, "0"),
      arn: logStreamArn(group.name, s.name),
      storedBytes: 0,
    })),
    ...(streams.length > limit && last
      ? { nextToken: encode({ g: group.name, o: orderBy, d: descending, p: prefix, k: keyOf(last) }) }
      : {}),
  };
};
