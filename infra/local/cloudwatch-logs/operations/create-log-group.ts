import { z } from "zod";
import { logGroupExists } from "../errors";
import { logGroupName, parseRequest } from "../wire";
import type { LogsOperation } from "./context";

const schema = z.object({ logGroupName, kmsKeyId: z.string().optional(), tags: z.record(z.string(), z.string()).optional() });

/** CreateLogGroup: a name unique in the account and region; an existing one is ResourceAlreadyExistsException. */
export const createLogGroup: LogsOperation = async (ctx, body) => {
  const req = parseRequest(schema, body);
  if (ctx.store.group(req.logGroupName)) throw logGroupExists();
  await ctx.store.createGroup(req.logGroupName, ctx.now());
  return {};
};
