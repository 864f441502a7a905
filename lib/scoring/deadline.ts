/** A shared timer for one request: every model answer of the request races the same budget. */
export interface Deadline {
  /** Resolves to TIMED_OUT when the budget is spent (never rejects, so nobody must listen). */
  expired: Promise<typeof TIMED_OUT>;
  cancel(): void;
}

export const TIMED_OUT = Symbol("timed out");

export function startDeadline(budgetMs: number): Deadline {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), budgetMs);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

export class ModelTimeoutError extends Error {
  override name = "ModelTimeoutError";
}

/** The answer, or ModelTimeoutError when the deadline came first. */
export async function beforeDeadline<T>(answer: Promise<T>, deadline: Deadline): Promise<T> {
  const first = await Promise.race([answer, deadline.expired]);
  if (first === TIMED_OUT) throw new ModelTimeoutError("model answer over the tenant's budget");
  return first;
}

/** The promise's outcome, or ModelTimeoutError after ms (the timer is cleared when it settles first). */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ModelTimeoutError(`no model answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
