import type { ScoredCall } from "./captured-rows";

export interface JoinedCall {
  production: ScoredCall | null;
  shadow: ScoredCall | null;
}

/**
 * Production waits this long for a shadow copy (and the reverse) before the call counts as
 * unmatched. The copy is scored right after the caller's answer and captured in the same or the
 * next capture file (the emulator flushes every 5 s; SageMaker within minutes), so 10 minutes only
 * leaves out copies that failed or were not sampled.
 */
export const DEFAULT_MAX_LAG_MS = 10 * 60_000;

interface Pending {
  call: ScoredCall;
  matched: boolean;
}

class Side {
  readonly byKey = new Map<string, Pending[]>();
  readonly fifo: Pending[] = [];
  private start = 0;
  head: ScoredCall | null | undefined;

  constructor(readonly source: AsyncIterator<ScoredCall>) {}

  async peek(): Promise<ScoredCall | null> {
    if (this.head === undefined) {
      const next = await this.source.next();
      this.head = next.done ? null : next.value;
    }
    return this.head;
  }

  take(): ScoredCall {
    const call = this.head!;
    this.head = undefined;
    return call;
  }

  park(call: ScoredCall): void {
    const pending = { call, matched: false };
    const list = this.byKey.get(call.joinKey);
    if (list) list.push(pending);
    else this.byKey.set(call.joinKey, [pending]);
    this.fifo.push(pending);
  }

  /** The oldest parked call with this key (FIFO: identical bodies match in order). */
  claim(key: string): ScoredCall | null {
    const list = this.byKey.get(key);
    const pending = list?.shift();
    if (!pending) return null;
    if (list!.length === 0) this.byKey.delete(key);
    pending.matched = true;
    return pending.call;
  }

  /** Parked calls older than the cutoff, which can no longer be matched. */
  *expire(cutoff: number): Generator<ScoredCall> {
    while (this.start < this.fifo.length && this.fifo[this.start]!.call.time < cutoff) {
      const pending = this.fifo[this.start++]!;
      if (pending.matched) continue;
      this.claim(pending.call.joinKey);
      yield pending.call;
    }
    if (this.start > 1024 && this.start * 2 > this.fifo.length) {
      this.fifo.splice(0, this.start);
      this.start = 0;
    }
  }

  get size(): number {
    return this.fifo.length - this.start;
  }
}

export interface JoinStats {
  /** Most calls held at once waiting for their copy: the join's memory. */
  peakPending: number;
}

/**
 * Joins the production variant's captured calls with the shadow's, streaming both in time order
 * (capture files are written in time order) and holding only the calls still waiting for their
 * copy — at most `maxLagMs` of traffic — so a window of any length is read with bounded memory.
 * Yields each pair once, and each call without a copy once (as production-only or shadow-only).
 */
export async function* joinCalls(
  production: AsyncIterable<ScoredCall>,
  shadow: AsyncIterable<ScoredCall>,
  options: { maxLagMs?: number; stats?: JoinStats } = {},
): AsyncGenerator<JoinedCall> {
  const maxLag = options.maxLagMs ?? DEFAULT_MAX_LAG_MS;
  const left = new Side(production[Symbol.asyncIterator]());
  const right = new Side(shadow[Symbol.asyncIterator]());
  for (;;) {
    const [l, r] = await Promise.all([left.peek(), right.peek()]);
    if (!l && !r) break;
    const fromLeft = l !== null && (r === null || l.time <= r.time);
    const call = fromLeft ? left.take() : right.take();
    const [own, other] = fromLeft ? [left, right] : [right, left];
    const partner = other.claim(call.joinKey);
    if (partner) yield fromLeft ? { production: call, shadow: partner } : { production: partner, shadow: call };
    else own.park(call);
    const cutoff = call.time - maxLag;
    for (const lone of left.expire(cutoff)) yield { production: lone, shadow: null };
    for (const lone of right.expire(cutoff)) yield { production: null, shadow: lone };
    if (options.stats) options.stats.peakPending = Math.max(options.stats.peakPending, left.size + right.size);
  }
  for (const lone of left.expire(Infinity)) yield { production: lone, shadow: null };
  for (const lone of right.expire(Infinity)) yield { production: null, shadow: lone };
}
