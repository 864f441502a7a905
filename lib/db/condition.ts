/**
 * DynamoDB answers a write whose ConditionExpression is false with ConditionalCheckFailedException
 * (the SDK's typed error over dynalite and AWS alike). This is the one place that recognises it; it
 * goes by name so that fakes in unit tests need not construct the SDK's class.
 */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === "ConditionalCheckFailedException";
}

/**
 * Runs a conditional write and translates a failed condition into the caller's answer: `onFailed`
 * returns a value ("already there": false, null) or throws the AppError that says why (a `conflict`
 * naming who changed it first, or `not_found`). Any other error passes through untouched.
 */
export async function ifConditionFails<T, F>(write: () => Promise<T>, onFailed: () => F | Promise<F>): Promise<T | F> {
  try {
    return await write();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
    return await onFailed();
  }
}
