import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { rateWindowPk, RATE_WINDOW_SK } from "@/lib/db/keys";
import { ifConditionFails } from "@/lib/db/condition";
import { store, type Store, type StoreDeps } from "@/lib/db/store";
import type { LeaseCapacity } from "./rate-limiter";

/**
 * One item per API key holds the current one-second window and how much of it was leased:
 * PK `TENANT#<t>#RATE#<keyId>`, SK `WINDOW`, attributes `win` (epoch second) and `used`. One item
 * rather than one per window, so nothing accumulates (dynalite has no TTL) and a lease is a single
 * conditional UpdateItem: add to this window's count while it is below the limit, or start the
 * window over when the stored one is older.
 */
async function addToWindow(
  { db, tableName }: Store,
  key: Record<string, string>,
  window: number,
  want: number,
  limit: number,
): Promise<number | null> {
  const added = await ifConditionFails(
    () =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: "SET used = used + :want",
          ConditionExpression: "win = :win AND used < :limit",
          ExpressionAttributeValues: { ":want": want, ":win": window, ":limit": limit },
          ReturnValues: "UPDATED_NEW",
        }),
      ),
    () => null,
  );
  if (!added) return null;
  const used = Number(added.Attributes?.used);
  // `used` may pass the limit by up to a chunk; only what fits under it is granted.
  return Math.max(0, Math.min(want, limit - (used - want)));
}

async function startWindow(
  { db, tableName }: Store,
  key: Record<string, string>,
  window: number,
  want: number,
  limit: number,
): Promise<number | null> {
  const start = new UpdateCommand({
    TableName: tableName,
    Key: key,
    UpdateExpression: "SET win = :win, used = :want",
    ConditionExpression: "attribute_not_exists(win) OR win < :win",
    ExpressionAttributeValues: { ":win": window, ":want": Math.min(want, limit) },
  });
  return ifConditionFails(
    () => db.send(start).then(() => Math.min(want, limit)),
    () => null,
  );
}

/**
 * Leases up to `want` of a key's window. An instance's first lease of a window usually starts the
 * window (one write), later ones add to it (one write); the other order is the fallback when
 * another instance got there first. 0 = the window is spent (or a clock ahead of ours owns it).
 */
export function dynamoLease(deps: StoreDeps = {}): LeaseCapacity {
  const db = store(deps);
  return async ({ tenantId, keyId, window, want, limit, isFirstOfWindow }) => {
    const key = { PK: rateWindowPk(tenantId, keyId), SK: RATE_WINDOW_SK };
    if (isFirstOfWindow) return (await startWindow(db, key, window, want, limit)) ?? (await addToWindow(db, key, window, want, limit)) ?? 0;
    return (await addToWindow(db, key, window, want, limit)) ?? (await startWindow(db, key, window, want, limit)) ?? 0;
  };
}
