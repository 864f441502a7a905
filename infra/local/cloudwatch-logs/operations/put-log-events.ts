import { z } from "zod";
import { invalidParameter, logGroupNotFound, logStreamNotFound } from "../errors";
import { logGroupName, logStreamName, parseRequest } from "../wire";
import type { LogsOperation } from "./context";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** PutLogEvents' batch limit: the messages' UTF-8 bytes plus 26 bytes per event. */
export const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;

const schema = z.object({
  logGroupName,
  logStreamName,
  logEvents: z
    .array(z.object({ timestamp: z.number().int().min(0), message: z.string().min(1) }))
    .min(1)
    .max(10_000),
  sequenceToken: z.string().optional(),
});

/**
 * PutLogEvents (API reference): the batch must be in chronological order, span at most 24 hours and
 * hold at most 1,048,576 bytes, or the whole request fails with InvalidParameterException; events more
 * than 2 hours in the future or older than 14 days are rejected (`rejectedLogEventsInfo`) while the
 * rest are stored. The sequence token is ignored, as AWS now ignores it.
 */
export const putLogEvents: LogsOperation = async (ctx, body) => {
  const req = parseRequest(schema, body);
  const events = req.logEvents;
  const group = ctx.store.group(req.logGroupName);
  if (!group) throw logGroupNotFound();
  const stream = group.streams.get(req.logStreamName);
  if (!stream) throw logStreamNotFound();
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.timestamp < events[i - 1]!.timestamp) {
      throw invalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
    }
  }
  const bytes = events.reduce((sum, e) => sum + Buffer.byteLength(e.message, "utf8") + EVENT_OVERHEAD, 0);
  if (bytes > MAX_BATCH_BYTES) throw invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);

  const now = ctx.now();
  // Chronological, so the too-old events are a prefix and the too-new ones a suffix of the batch.
  const firstValid = events.findIndex((e) => e.timestamp >= now - 14 * DAY);
  const tooNewAt = events.findIndex((e) => e.timestamp > now + 2 * HOUR);
  const start = firstValid === -1 ? events.length : firstValid;
  const end = tooNewAt === -1 ? events.length : tooNewAt;
  const valid = events.slice(start, Math.max(start, end));
  if (valid.length > 0 && valid.at(-1)!.timestamp - valid[0]!.timestamp > DAY) {
    throw invalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
  }
  await ctx.store.putEvents(
    group.name,
    stream.name,
    valid.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: now })),
  );
  const rejected = {
    ...(start > 0 ? { tooOldLogEventEndIndex: start } : {}),
    ...(tooNewAt !== -1 ? { tooNewLogEventStartIndex: tooNewAt } : {}),
  };
  return {
    nextSequenceToken: String(stream.events.length).padStart(56, "0"),
    ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}),
  };
};
