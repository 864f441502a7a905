import { createRequire } from "node:module";

/**
 * dynalite writes an item and its secondary-index entries as separate LevelDB writes: first the
 * index entries, then the item (dynalite/db/index.js updateIndexes, dynalite/actions/putItem.js).
 * A process killed between them leaves index entries of an item that was never stored (a "ghost"):
 * the review queue then lists a transaction nobody can open, and when the payment app retries it
 * after the restart (a new createdAt, so a new index key) the queue lists it twice. Measured: six
 * SIGKILLs under 64 concurrent conditional puts left 49 ghost GSI entries.
 *
 * DynamoDB never does this: an item write and its index updates stand or fall together (a GSI is
 * eventually consistent, but a write that failed leaves no index entry). So dynalite's writes go
 * through one LevelDB batch here, which LevelDB applies atomically (one log record): updateIndexes
 * only computes the index operations, and the item's put or delete that dynalite issues right after
 * it (under the item's lock) carries them in the same batch.
 */
type Callback = (error?: Error | null) => void;
type Operation = { type: "put"; key: string; value: unknown } | { type: "del"; key: string };
interface IndexAction {
  index: string;
  key: string;
  item?: unknown;
}
interface Table {
  TableName: string;
  LocalSecondaryIndexes?: unknown[];
  GlobalSecondaryIndexes?: unknown[];
}
interface SubDb {
  put(key: string, value: unknown, cb: Callback): void;
  del(key: string, cb: Callback): void;
}
interface Store {
  db: { batch(operations: Operation[], cb: Callback): void };
  getItemDb(tableName: string): SubDb;
}
interface DynaliteDb {
  create(options: unknown): Store;
  updateIndexes(store: Store, table: Table, existingItem: unknown, item: unknown, cb: Callback): void;
  getIndexActions(indexes: unknown[], existingItem: unknown, item: unknown, table: Table): { puts: IndexAction[]; deletes: IndexAction[] };
  createKey(item: unknown, table: Table): string;
}

const require = createRequire(import.meta.url);
const pendingByStore = new WeakMap<Store, Map<string, Operation[]>>();
const wrapped = new WeakSet<SubDb>();
let isPatched = false;

// The key layout of dynalite's sub-databases (dynalite/db/index.js getSubDb, getItemDb, getIndexDb).
const itemKey = (tableName: string, key: string) => `item-${tableName}~${key}`;
const indexKey = (type: string, tableName: string, index: string, key: string) =>
  `index-${type.toLowerCase()}~${tableName}~${index}~${key}`;

/** Call before the first dynalite() is created. Idempotent. */
export function makeDynaliteWritesAtomic(): void {
  if (isPatched) return;
  isPatched = true;
  const db = require("dynalite/db") as DynaliteDb;

  const create = db.create.bind(db);
  db.create = (options) => {
    const store = create(options);
    const pending = new Map<string, Operation[]>();
    pendingByStore.set(store, pending);
    const getItemDb = store.getItemDb.bind(store);
    store.getItemDb = (tableName) => {
      const itemDb = getItemDb(tableName);
      if (wrapped.has(itemDb)) return itemDb;
      wrapped.add(itemDb);
      const [put, del] = [itemDb.put.bind(itemDb), itemDb.del.bind(itemDb)];
      const withIndexes = (key: string, write: Operation, fallback: () => void, cb: Callback) => {
        const indexOps = pending.get(key);
        if (!indexOps) return fallback();
        pending.delete(key);
        store.db.batch([...indexOps, write], cb);
      };
      itemDb.put = (key, value, cb) => {
        const full = itemKey(tableName, key);
        withIndexes(full, { type: "put", key: full, value }, () => put(key, value, cb), cb);
      };
      itemDb.del = (key, cb) => {
        const full = itemKey(tableName, key);
        withIndexes(full, { type: "del", key: full }, () => del(key, cb), cb);
      };
      return itemDb;
    };
    return store;
  };

  db.updateIndexes = (store, table, existingItem, item, cb) => {
    if (!existingItem && !item) return cb();
    const deletes: Operation[] = [];
    const puts: Operation[] = [];
    for (const type of ["Local", "Global"] as const) {
      const actions = db.getIndexActions(table[`${type}SecondaryIndexes`] ?? [], existingItem, item, table);
      for (const a of actions.deletes) deletes.push({ type: "del", key: indexKey(type, table.TableName, a.index, a.key) });
      for (const a of actions.puts) puts.push({ type: "put", key: indexKey(type, table.TableName, a.index, a.key), value: a.item });
    }
    const pending = pendingByStore.get(store);
    if (!pending) return cb(new Error("dynalite store created before makeDynaliteWritesAtomic()"));
    pending.set(itemKey(table.TableName, db.createKey(item ?? existingItem, table)), [...deletes, ...puts]);
    cb();
  };
}
