import { AppError } from "@/lib/errors/app-error";
import type { ApiKeyRecord } from "./api-key";
import { lookUpApiKey, type FindApiKey } from "./api-key-cache";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The tenant's key record for `Authorization: Bearer <key>`; 401 for a missing, unknown or revoked key. */
export async function authenticateApiKey(authorization: string | null, find?: FindApiKey): Promise<ApiKeyRecord> {
  const presented = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!presented) throw new AppError("unauthorized", "Send the tenant API key as Authorization: Bearer <key>");
  // Keys are ~51 characters; anything far longer is not worth hashing or looking up.
  const record = presented.length <= 200 ? await lookUpApiKey(presented, find) : null;
  if (!record) throw new AppError("unauthorized", "The API key is unknown or revoked");
  return record;
}
