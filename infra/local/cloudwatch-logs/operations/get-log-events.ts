import { z } from "zod";
import { invalidNextToken, logStreamNotFound } from "../errors";
import type { LogEvent } from "../store";
import { logGroupName, logStreamName, parseRequest, resolveLogGroup } from "../wire";
import { MAX_BATCH_BYTES } from "./put-log-events";
import type { LogsOperation } from "./context";

const schema = z.object({
  logGroupName: logGroupName.optional(),
  logGroupIdentifier: z.string().min(1).max(2048).optional(),
  logStreamName,
  startTime: z.number().int().min(0).optional(),
  endTime: z.number().int().min(0).optional(),
  nextToken: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  startFromHead: z.boolean().optional(),
  unmask: z.boolean().optional(),
});

/** Tokens name a position between two events of the stream: `f/…` reads on from it, `b/…` back from it. */
type Cursor = { direction: "f" | "b"; position: number };
const token = (c: Cursor) => `${c.direction}/${String(c.position).padStart(56, "0")}/s`;

function parseToken(text: string, length: number): Cursor {
  const match = /^([fb])\/(\d{1,56})\/s$/.exec(text);
  const position = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(position) || position > length) throw invalidNextToken();
  return { direction: match[1] as "f" | "b", position };
}

/**
 * GetLogEvents (API reference): the newest events first unless `startFromHead` (each page itself in
 * time order), at most `limit` events (default: as many as fit in 1 MB, up to 10,000), `startTime`
 * inclusive and `endTime` exclusive. Both tokens are always returned; at the end of the stream in a
 * direction, that direction's token is the one passed in. A token's own direction decides where the
 * next page comes from.
 */
export const getLogEvents: LogsOperation = (ctx, body) => {
  const req = parseRequest(schema, body);
  const group = resolveLogGroup(ctx.store, req);
  const stream = group.streams.get(req.logStreamName);
  if (!stream) throw logStreamNotFound();
  const events = stream.events;
  const cursor: Cursor = req.nextToken
    ? parseToken(req.nextToken, events.length)
    : req.startFromHead
      ? { direction: "f", position: 0 }
      : { direction: "b", position: events.length };
  const inRange = (e: LogEvent) =>
    (req.startTime === undefined || e.timestamp >= req.startTime) && (req.endTime === undefined || e.timestamp < req.endTime);
  const limit = req.limit ?? 10_000;
  const step = cursor.direction === "f" ? 1 : -1;
  const picked: number[] = [];
  let bytes = 0;
  for (let i = cursor.direction === "f" ? cursor.position : cursor.position - 1; i >= 0 && i < events.length; i += step) {
    const event = events[i]!;
    if (!inRange(event)) continue;
    bytes += Buffer.byteLength(event.message, "utf8") + 26;
    if (picked.length >= limit || (bytes > MAX_BATCH_BYTES && picked.length > 0)) break;
    picked.push(i);
  }
  if (cursor.direction === "b") picked.reverse();
  const first = picked[0];
  const last = picked.at(-1);
  const same = req.nextToken;
  const forward =
    last !== undefined
      ? token({ direction: "f", position: last + 1 })
      : cursor.direction === "f" && same
        ? same
        : token({ ...cursor, direction: "f" });
  const backward =
    first !== undefined
      ? token({ direction: "b", position: first })
      : cursor.direction === "b" && same
        ? same
        : token({ ...cursor, direction: "b" });
  return {
    events: picked.map((i) => ({ timestamp: events[i]!.timestamp, message: events[i]!.message, ingestionTime: events[i]!.ingestionTime })),
    nextForwardToken: forward,
    nextBackwardToken: backward,
  };
};
