import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyAudited, revokeApiKeyAudited } from "@/lib/api-keys/audited-api-keys";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listAudit } from "@/lib/audit/list-audit";
import { getSettings } from "@/lib/settings/get-settings";
import { saveSettings } from "@/lib/settings/save-settings";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/settings/tenant-settings";
import { createTestTenant, type TestTenant } from "./fixtures";
import { txnId } from "./score-helpers";

// Its own tenant, left at the product's defaults (never saved: version 0), with its own endpoint.
let tenant: TestTenant;
let tenantId = "";
let admin = "";

beforeAll(async () => {
  tenant = await createTestTenant({ label: "settings", settings: null });
  tenantId = tenant.tenantId;
  admin = `admin@${tenantId}.test`;
});
afterAll(() => tenant.dispose());

describe("tenant settings", () => {
  it("starts from the defaults at version 0", async () => {
    expect(await getSettings({ tenantId })).toEqual({ settings: DEFAULT_TENANT_SETTINGS, version: 0, updatedAt: null, updatedBy: null });
  });

  it("saves with optimistic concurrency, audits before/after/who/why, and scoring follows at once", async () => {
    // The largest timeout budget: the REVIEW below comes from the thresholds, never from a slow answer.
    const everythingReviews = { ...DEFAULT_TENANT_SETTINGS, thresholds: { review: 0, suspicious: 1 }, timeoutBudgetMs: 10_000 };
    const saved = await saveSettings({
      tenantId,
      settings: everythingReviews,
      expectedVersion: 0,
      actor: admin,
      reason: "pilot: review all",
    });
    expect(saved.version).toBe(1);
    await expect(saveSettings({ tenantId, settings: DEFAULT_TENANT_SETTINGS, expectedVersion: 0, actor: admin })).rejects.toMatchObject({
      code: "conflict",
    });

    const { body } = await tenant.score({ txn_id: txnId("all-review"), amount: 12, device: "pos" });
    expect(body).toMatchObject({ decision: "REVIEW", degraded: false });

    const { entries } = await listAudit({ tenantId, action: "settings.", limit: 50 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: admin,
      action: "settings.update",
      target: "settings",
      before: DEFAULT_TENANT_SETTINGS,
      after: everythingReviews,
      reason: "pilot: review all",
    });
  });

  it("refuses invalid settings with a zod error naming the field", async () => {
    const bad = { ...DEFAULT_TENANT_SETTINGS, thresholds: { review: 0.9, suspicious: 0.1 } };
    await expect(saveSettings({ tenantId, settings: bad, expectedVersion: 1, actor: admin })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["thresholds", "suspicious"] })],
    });
  });
});

describe("API key administration", () => {
  it("creates and revokes keys with audit entries, and lists them without secrets", async () => {
    const { record, plaintext } = await createApiKeyAudited({ tenantId, name: "Checkout", actor: admin, reason: "new app" });
    expect(plaintext.startsWith(record.displayPrefix)).toBe(true);
    await revokeApiKeyAudited({ tenantId, keyId: record.keyId, actor: admin, reason: "leaked" });
    await expect(revokeApiKeyAudited({ tenantId, keyId: record.keyId, actor: admin })).rejects.toMatchObject({ code: "conflict" });
    await expect(revokeApiKeyAudited({ tenantId: "globex-pay", keyId: record.keyId, actor: admin })).rejects.toMatchObject({
      code: "not_found",
    });

    const keys = await listApiKeys({ tenantId });
    expect(keys.find((k) => k.keyId === record.keyId)).toMatchObject({ name: "Checkout", revokedBy: admin });
    expect(JSON.stringify(keys)).not.toContain(plaintext);

    const { entries } = await listAudit({ tenantId, action: "api_key.", limit: 50 });
    expect(entries.map((e) => [e.action, e.reason])).toEqual([
      ["api_key.revoke", "leaked"],
      ["api_key.create", "new app"],
    ]);
    expect(JSON.stringify(entries)).not.toContain(plaintext);
  });

  it("filters the audit log by actor and time, newest first, with a cursor", async () => {
    const all = await listAudit({ tenantId, actor: admin, limit: 200 });
    expect(all.entries.length).toBeGreaterThanOrEqual(3);
    const times = all.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const none = await listAudit({ tenantId, actor: "nobody@x.test", limit: 50 });
    expect(none.entries).toEqual([]);
    const future = await listAudit({ tenantId, from: "2999-01-01T00:00:00Z", limit: 50 });
    expect(future.entries).toEqual([]);
    const first = await listAudit({ tenantId, limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await listAudit({ tenantId, limit: 1, cursor: first.nextCursor ?? undefined });
    expect(second.entries[0]?.id).not.toBe(first.entries[0]?.id);
    await expect(listAudit({ tenantId: "globex-pay", limit: 1, cursor: first.nextCursor ?? undefined })).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
