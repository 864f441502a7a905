import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as score } from "@/app/api/score/route";
import { createTestTenant, type TestTenant } from "./fixtures";
import { scoreRequest } from "./score-helpers";

// Its own tenant: the property test below sends thousands of requests, some of them valid (scored,
// some queued), which must neither spend a shared key's rate limit nor fill a shared queue.
let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTestTenant({ label: "validation" });
});
afterAll(() => tenant.dispose());

async function postRaw(raw: string) {
  const response = await score(scoreRequest("/api/score", undefined, tenant.apiKey, { raw }));
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string; details?: { issues?: Array<{ field: string }> } } },
  };
}

describe("POST /api/score input validation", () => {
  it.each([
    ["amount as a string", { txn_id: "v1", amount: "50" }, "amount"],
    ["a negative amount", { txn_id: "v1", amount: -5 }, "amount"],
    ["a missing txn_id", { amount: 5 }, "txn_id"],
    ["an unknown currency", { txn_id: "v1", amount: 5, currency: "ABC" }, "currency"],
    ["an unknown device", { txn_id: "v1", amount: 5, device: "toaster" }, "device"],
    ["a lower-case country", { txn_id: "v1", amount: 5, country: "us" }, "country"],
    ["an hour of 24", { txn_id: "v1", amount: 5, hour_of_day: 24 }, "hour_of_day"],
    ["a count beyond 2^53 (found by the property test)", { txn_id: "v1", amount: 5, txn_count_1h: 9007200272908286 }, "txn_count_1h"],
    ["an amount of 1e20", { txn_id: "v1", amount: 1e20 }, "amount"],
  ])("answers 400 naming the field for %s", async (_name, body, field) => {
    const { status, body: answer } = await postRaw(JSON.stringify(body));
    expect(status).toBe(400);
    expect(answer.error?.code).toBe("bad_request");
    expect(answer.error?.message.startsWith(`${field}: `)).toBe(true);
    expect(answer.error?.details?.issues?.[0]?.field).toBe(field);
  });

  it.each([
    ["a non-finite amount (JSON has none: 1e999 parses as Infinity)", '{"txn_id":"v1","amount":1e999}', 400],
    ["broken JSON", '{"txn_id":', 400],
    ["an array", "[]", 400],
    ["null", "null", 400],
    ["a body over 64 KB", JSON.stringify({ txn_id: "v1", amount: 1, pad: "x".repeat(64 * 1024) }), 413],
  ])("refuses %s", async (_name, raw, status) => {
    const answer = await postRaw(raw);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toMatch(/^(bad_request|payload_too_large)$/);
  });

  it("never answers 5xx to thousands of malformed bodies", async () => {
    const fieldValue = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.object({ maxDepth: 1 }),
    );
    const mutatedTransaction = fc
      .record({
        field: fc.constantFrom(
          "txn_id",
          "amount",
          "currency",
          "device",
          "geo",
          "country",
          "channel",
          "merchant_category",
          "txn_count_1h",
          "timestamp",
          "hour_of_day",
        ),
        value: fieldValue,
      })
      .map(({ field, value }) => JSON.stringify({ txn_id: "prop", amount: 10, [field]: value }));
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      mutatedTransaction,
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const { status } = await postRaw(raw);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 2000 },
    );
  });
});
