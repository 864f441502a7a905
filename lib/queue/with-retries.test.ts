import { describe, expect, it, vi } from "vitest";
import { withRetries } from "./with-retries";

const named = (name: string) => Object.assign(new Error(name), { name });
const noSleep = () => Promise.resolve();

describe("withRetries", () => {
  it("retries transient failures and returns the first success", async () => {
    const op = vi.fn().mockRejectedValueOnce(named("ProvisionedThroughputExceededException")).mockResolvedValueOnce("ok");
    await expect(withRetries(op, { sleep: noSleep })).resolves.toBe("ok");
    expect(op).toHaveBeenCalledTimes(2);
  });
  it("gives up after the last attempt with the last error", async () => {
    const op = vi.fn().mockRejectedValue(named("InternalServerError"));
    await expect(withRetries(op, { attempts: 4, sleep: noSleep })).rejects.toThrow("InternalServerError");
    expect(op).toHaveBeenCalledTimes(4);
  });
  it("does not retry a conditional-check failure", async () => {
    const op = vi.fn().mockRejectedValue(named("ConditionalCheckFailedException"));
    await expect(withRetries(op, { sleep: noSleep })).rejects.toThrow("ConditionalCheckFailedException");
    expect(op).toHaveBeenCalledTimes(1);
  });
});
