/**
 * A small per-instance cache with a TTL and stale-while-revalidate, for look-ups on hot paths
 * (settings, API keys, a tenant's endpoint, variant versions). Loads of one key are shared; a value
 * past its TTL is served once more while one background load replaces it, so after the first load
 * no request waits for the store. The console keeps no state that matters in memory (DESIGN.md):
 * what is cached here is a copy whose staleness each caller bounds with its TTL.
 */
export interface SwrCacheOptions<K, V> {
  /** How a key is loaded (a call may pass its own loader instead). */
  load?: (key: K) => Promise<V>;
  /** How long a loaded value is fresh; may depend on the value (e.g. shorter for "unknown"). */
  ttlMs: number | ((value: V) => number);
  /** Past this age (since it was loaded) a value is not served stale: a get waits for a new load. */
  maxStaleMs?: number;
  /** Whether a value may be served stale at all (default: yes). */
  isServableStale?: (value: V) => boolean;
  /** A failed background load keeps the stale value (default) or drops it, so the next get waits. */
  onRefreshError?: "keep" | "evict";
  /** At most one load per key in this interval, failures included (default 0: a failed first load is forgotten at once). */
  minLoadIntervalMs?: number;
  /** Beyond this many keys the cache starts over: a crude bound against floods of distinct keys. */
  maxEntries?: number;
  /** Told about failures of loads nobody awaits (background refreshes, peeks). */
  onError?: (error: unknown) => void;
  now?: () => number;
}

export interface CallOptions<V> {
  now?: number;
  load?: () => Promise<V>;
}

export interface SwrCache<K, V> {
  /** The value: fresh, or stale while a refresh runs; waits only when nothing servable is cached. */
  get(key: K, call?: CallOptions<V>): Promise<V>;
  /** The cached value if any (fresh or stale), never waiting; schedules a load when absent or stale. */
  peek(key: K, call?: CallOptions<V>): V | undefined;
  /** Reloads a key now (within minLoadIntervalMs); resolves when done, never rejects. */
  refresh(key: K, call?: CallOptions<V>): Promise<void>;
  delete(key: K): void;
  /** Drops every value that matches, once it is loaded (asynchronously). */
  deleteWhere(matches: (value: V, key: K) => boolean): void;
  clear(): void;
}

interface Entry<V> {
  value: Promise<V>;
  settled: { value: V } | null;
  isFailed: boolean;
  loadedAt: number;
  expiresAt: number;
  attemptedAt: number;
  refreshing: Promise<void> | null;
}

const ignore = () => undefined;

export function swrCache<K, V>(options: SwrCacheOptions<K, V>): SwrCache<K, V> {
  const { maxStaleMs = Infinity, minLoadIntervalMs = 0, onRefreshError = "keep", onError = ignore, now: clock = Date.now } = options;
  const ttl = (value: V) => (typeof options.ttlMs === "number" ? options.ttlMs : options.ttlMs(value));
  const isServableStale = options.isServableStale ?? (() => true);
  const entries = new Map<K, Entry<V>>();

  function loader(key: K, call: CallOptions<V>): () => Promise<V> {
    if (call.load) return call.load;
    const { load } = options;
    if (!load) throw new Error("swrCache: no loader for this call");
    return () => load(key);
  }

  function settle(entry: Entry<V>, value: V, at: number): void {
    entry.value = Promise.resolve(value);
    entry.settled = { value };
    entry.isFailed = false;
    entry.loadedAt = at;
    entry.expiresAt = at + ttl(value);
  }

  function loadFirst(key: K, at: number, load: () => Promise<V>): Entry<V> {
    if (options.maxEntries !== undefined && entries.size >= options.maxEntries) entries.clear();
    const value = load();
    const entry: Entry<V> = { value, settled: null, isFailed: false, loadedAt: at, expiresAt: Infinity, attemptedAt: at, refreshing: null };
    entries.set(key, entry);
    value.then(
      (v) => {
        if (entries.get(key) === entry) settle(entry, v, at);
      },
      () => {
        if (entries.get(key) !== entry) return;
        // A failed first load is not served for a TTL: forgotten, or remembered only to space out retries.
        if (minLoadIntervalMs > 0) entry.isFailed = true;
        else entries.delete(key);
      },
    );
    return entry;
  }

  function revalidate(key: K, entry: Entry<V>, at: number, load: () => Promise<V>): void {
    if (entry.refreshing || at - entry.attemptedAt < minLoadIntervalMs) return;
    entry.attemptedAt = at;
    entry.refreshing = load()
      .then(
        (v) => {
          if (entries.get(key) === entry) settle(entry, v, at);
        },
        (error: unknown) => {
          onError(error);
          if (onRefreshError === "evict" && entries.get(key) === entry) entries.delete(key);
        },
      )
      .finally(() => {
        entry.refreshing = null;
      });
  }

  const canRetry = (entry: Entry<V>, at: number) => at - entry.attemptedAt >= minLoadIntervalMs;

  return {
    get(key, call = {}) {
      const at = call.now ?? clock();
      const hit = entries.get(key);
      if (hit && !hit.isFailed && (hit.settled === null || at < hit.expiresAt)) return hit.value;
      if (hit?.settled && at - hit.loadedAt < maxStaleMs && isServableStale(hit.settled.value)) {
        revalidate(key, hit, at, loader(key, call));
        return hit.value;
      }
      if (hit?.isFailed && !canRetry(hit, at)) return hit.value;
      return loadFirst(key, at, loader(key, call)).value;
    },
    peek(key, call = {}) {
      const at = call.now ?? clock();
      const hit = entries.get(key);
      if (!hit || (hit.isFailed && canRetry(hit, at))) {
        loadFirst(key, at, loader(key, call)).value.catch(onError);
        return undefined;
      }
      if (hit.settled && at >= hit.expiresAt) revalidate(key, hit, at, loader(key, call));
      return hit.settled?.value;
    },
    refresh(key, call = {}) {
      const at = call.now ?? clock();
      const hit = entries.get(key);
      if (!hit || hit.isFailed) {
        if (hit && !canRetry(hit, at)) return Promise.resolve();
        return loadFirst(key, at, loader(key, call)).value.then(ignore, onError);
      }
      if (!hit.settled) return hit.value.then(ignore, ignore);
      revalidate(key, hit, at, loader(key, call));
      return hit.refreshing ?? Promise.resolve();
    },
    delete(key) {
      entries.delete(key);
    },
    deleteWhere(matches) {
      // Pending loads too: a look-up racing the change must not be cached once it lands.
      for (const [key, entry] of entries) {
        void entry.value.then((value) => {
          if (entries.get(key) === entry && matches(value, key)) entries.delete(key);
        }, ignore);
      }
    },
    clear() {
      entries.clear();
    },
  };
}
