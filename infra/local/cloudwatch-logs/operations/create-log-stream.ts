import { z } from "zod";
import { logGroupNotFound, logStreamExists } from "../errors";
import { logGroupName, logStreamName, parseRequest } from "../wire";
import type { LogsOperation } from "./context";

const schema = z.object({ logGroupName, logStreamName });

/** CreateLogStream: in an existing group (else ResourceNotFoundException), once (else ResourceAlreadyExistsException). */
export const createLogStream: LogsOperation = async (ctx, body) => {
  const req = parseRequest(schema, body);
  const group = ctx.store.group(req.logGroupName);
  if (!group) throw logGroupNotFound();
  if (group.streams.has(req.logStreamName)) throw logStreamExists();
  await ctx.store.createStream(req.logGroupName, req.logStreamName, ctx.now());
  return {};
};
