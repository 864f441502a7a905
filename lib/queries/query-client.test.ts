import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { shouldRetry } from "./query-client";

describe("shouldRetry", () => {
  it.each([401, 403, 404, 409])("never retries a %i", (status) => {
    expect(shouldRetry(0, new ApiError(status, "forbidden", "no"))).toBe(false);
  });
  it("retries network failures and 5xx twice", () => {
    expect(shouldRetry(0, new ApiError(503, "unavailable", "busy"))).toBe(true);
    expect(shouldRetry(1, new ApiError(0, "network", "offline"))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, "unavailable", "busy"))).toBe(false);
  });
});
