import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as getOverview } from "@/app/api/drift/route";
import { POST as postRun } from "@/app/api/drift/run/route";
import { GET as getFeature } from "@/app/api/drift/runs/[runId]/features/[feature]/route";
import { POST as scoreBatch } from "@/app/api/score/batch/route";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import { listAudit } from "@/lib/audit/list-audit";
import type { Role } from "@/lib/auth/roles";
import { driftDeps } from "@/lib/drift/drift-deps";
import type { DriftOverview, DriftRun } from "@/lib/drift/drift-run";
import { DEFAULT_DRIFT_THRESHOLDS } from "@/lib/drift/drift-thresholds";
import { runAndRecordDrift } from "@/lib/drift/run-and-record-drift";
import type { RetrainingEvent } from "@/lib/drift/retraining-episode";
import { createTestTenant, type TestTenant } from "./fixtures";
import { scoreRequest } from "./score-helpers";

// The session is the one thing faked: next-auth's cookie decoding. Tenant and role checks
// (lib/http/require-session, lib/auth/check-access) and everything below them run for real.
const session: { current: { user: Record<string, string>; expires: string } | null } = { current: null };
vi.mock("@/lib/http/get-session", () => ({ getSession: () => Promise.resolve(session.current) }));

const DAY_MS = 86_400_000;
const ROWS = 600;
/** What the knobs move: amounts, the card-present/online mix (devices, merchants, places, hours) and new devices. */
const DRIFTED = ["amount", "channel", "device_type", "is_new_device"];
/** What none of them touches. */
const STABLE = ["txn_count_1h", "txn_count_24h", "account_age_days"];

let tenant: TestTenant;
/** Window A: the simulator without drift; window B: with the drift knobs turned far up. */
let t0: Date;
let tA: Date;
let tB: Date;

function as(role: Role) {
  const email = `${role}@${tenant.tenantId}.test`;
  session.current = { user: { id: email, email, name: role, tenantId: tenant.tenantId, role }, expires: "2999-01-01T00:00:00Z" };
}

/** Scores `count` simulated transactions through POST /api/score/batch (the real scoring path). */
async function scoreSimulated(drifted: boolean, count: number) {
  const now = new Date();
  const generator = createTransactionGenerator({
    tenant: "acme-bank",
    seed: drifted ? 77 : 78,
    idPrefix: `drift-${drifted ? "b" : "a"}-${now.getTime()}`,
    // The training data's customers, ageing as there (infra/local/seed/demo-drift.ts); drift a month old in B.
    populationSeed: 1001,
    driftStart: new Date(now.getTime() - 165 * DAY_MS),
    driftOnset: new Date(now.getTime() - 30 * DAY_MS),
    drift: drifted ? { amountGrowthPerMonth: 1, ecommerceShiftPerMonth: 0.3, newDeviceShiftPerMonth: 0.2 } : {},
  });
  for (let done = 0; done < count; done += 200) {
    const transactions = Array.from({ length: Math.min(200, count - done) }, () => generator.next(now).transaction);
    const response = await scoreBatch(scoreRequest("/api/score/batch", { transactions }, tenant.apiKey));
    expect(response.status).toBe(200);
  }
  const flushed = await fetch(`${inject("stackUrls").sagemaker}/_emulator/flush`, { method: "POST" });
  expect(flushed.ok).toBe(true);
}

/** Capture times have whole seconds (inferenceTime): a boundary is the next second, once it has passed. */
async function nextSecond(): Promise<Date> {
  const boundary = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  await sleep(boundary.getTime() - Date.now() + 20);
  return boundary;
}

async function post(body: unknown) {
  const response = await postRun(
    new Request("http://localhost/api/drift/run", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return {
    status: response.status,
    body: (await response.json()) as DriftRun & { error?: { code: string; message: string; details?: unknown } },
  };
}

const status = (run: DriftRun, feature: string) => run.features.find((f) => f.feature === feature)?.status;

beforeAll(async () => {
  // Nothing is flagged, ruled or blocked: each scored transaction is exactly one captured row (no
  // explanation call, no decision without the model), so a window's record count is known.
  tenant = await createTestTenant({
    label: "drift",
    settings: {
      thresholds: { review: 1, suspicious: 1 },
      rules: [],
      blockLists: { devices: [], countries: [] },
      drift: { ...DEFAULT_DRIFT_THRESHOLDS, minSample: 300 },
    },
  });
  t0 = await nextSecond();
  await scoreSimulated(false, ROWS);
  tA = await nextSecond();
  await scoreSimulated(true, ROWS);
  tB = await nextSecond();
}, 180_000);
afterAll(() => tenant.dispose());

describe("the drift job on traffic scored through the real path", () => {
  it("POST /api/drift/run computes exactly its window, and finds no drift where the simulator had none", async () => {
    as("ml_engineer");
    const a = await post({ endpoint: tenant.endpointName, from: t0.toISOString(), to: tA.toISOString() });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      endpoint: tenant.endpointName,
      from: t0.toISOString(),
      to: tA.toISOString(),
      records: ROWS,
      trigger: "manual",
    });
    expect(a.body.features.filter((f) => f.status !== "ok")).toEqual([]);
    expect(a.body.recommendation).toBeNull();

    const both = await post({ endpoint: tenant.endpointName, from: t0.toISOString(), to: tB.toISOString() });
    expect(both.body.records).toBe(2 * ROWS);
  });

  it("flags the drifted window, only on the drifted features, and recommends retraining once per episode", async () => {
    as("ml_engineer");
    const notified: RetrainingEvent[] = [];
    const deps = { ...driftDeps(), notify: (event: RetrainingEvent) => Promise.resolve(void notified.push(event)) };
    const window = { tenantId: tenant.tenantId, endpointName: tenant.endpointName, from: tA, to: tB, actor: "it" } as const;
    // The run over both windows above opened an episode; a healthy run closes it first.
    expect((await runAndRecordDrift({ ...window, from: t0, to: tA, trigger: "schedule" }, deps)).recommendation).toBeNull();
    const first = await runAndRecordDrift({ ...window, trigger: "schedule" }, deps);
    expect(first.records).toBe(ROWS);
    const flagged = first.features.filter((f) => f.status !== "ok").map((f) => `${f.feature}:${f.status}:${f.violations.join("+")}`);
    for (const feature of DRIFTED) expect.soft(status(first, feature), `${feature} among ${flagged.join(" ")}`).toMatch(/^(alert|warn)$/);
    for (const feature of STABLE) expect.soft(status(first, feature), `${feature} among ${flagged.join(" ")}`).toBe("ok");
    expect(first.recommendation).toMatchObject({ isNew: true });

    const second = await runAndRecordDrift({ ...window, trigger: "schedule" }, deps);
    expect(second.recommendation).toMatchObject({ isNew: false, episodeId: first.recommendation!.episodeId });
    expect(notified.map((e) => e.episodeId)).toEqual([first.recommendation!.episodeId]);

    // A healthy run ends the episode; the next drifted run opens (and notifies) a new one.
    expect((await runAndRecordDrift({ ...window, from: t0, to: tA, trigger: "schedule" }, deps)).recommendation).toBeNull();
    const third = await runAndRecordDrift({ ...window, trigger: "schedule" }, deps);
    expect(third.recommendation).toMatchObject({ isNew: true });
    expect(third.recommendation!.episodeId).not.toBe(first.recommendation!.episodeId);
    expect(notified).toHaveLength(2);

    const audit = await listAudit({ tenantId: tenant.tenantId, actor: "it", limit: 100 });
    const actions = audit.entries.map((e) => e.action);
    expect(actions.filter((a) => a === "drift.retraining_recommended")).toHaveLength(2);
    expect(actions.filter((a) => a === "drift.recommendation_cleared")).toHaveLength(2);
  });

  it("GET /api/drift lists runs newest first with the latest in full; the histograms show the baseline and the window", async () => {
    as("admin");
    const response = await getOverview(new Request("http://localhost/api/drift"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const overview = (await response.json()) as DriftOverview;
    expect(overview.endpoint).toBe(tenant.endpointName);
    const created = overview.runs.map((r) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(overview.latest?.id).toBe(overview.runs[0]?.id);

    const runId = overview.latest!.id;
    const histograms = await getFeature(new Request(`http://localhost/api/drift/runs/${runId}/features/amount`), {
      params: Promise.resolve({ runId, feature: "amount" }),
    });
    expect(histograms.status).toBe(200);
    const body = (await histograms.json()) as { bins: Array<{ baseline: number; current: number }> };
    const total = (key: "baseline" | "current") => body.bins.reduce((sum, b) => sum + b[key], 0);
    expect(total("baseline")).toBeCloseTo(1, 6);
    expect(total("current")).toBeCloseTo(1, 6);
  });
});

describe("drift API access and input", () => {
  it("analysts get 403 on every drift route; engineers and admins get through", async () => {
    as("analyst");
    expect((await getOverview(new Request("http://localhost/api/drift"), { params: Promise.resolve({}) })).status).toBe(403);
    expect((await post({ endpoint: tenant.endpointName, from: t0.toISOString(), to: tA.toISOString() })).status).toBe(403);
    const feature = await getFeature(new Request("http://localhost/api/drift/runs/x/features/amount"), {
      params: Promise.resolve({ runId: "x", feature: "amount" }),
    });
    expect(feature.status).toBe(403);
    as("ml_engineer");
    expect((await getOverview(new Request("http://localhost/api/drift"), { params: Promise.resolve({}) })).status).toBe(200);
  });

  it.each([
    ["from after to", { from: "2026-12-01T10:00:00Z", to: "2026-12-01T09:00:00Z" }, 400, "bad_request"],
    ["an empty window", { from: "2026-12-01T10:00:00Z", to: "2026-12-01T10:00:00Z" }, 400, "bad_request"],
    ["a window over 31 days", { from: "2026-10-01T00:00:00Z", to: "2026-11-02T00:00:00Z" }, 400, "bad_request"],
    ["a date that is no date", { from: "yesterday", to: "2026-12-01T10:00:00Z" }, 400, "bad_request"],
  ])("refuses %s with the one error body", async (_, window, code, errorCode) => {
    as("ml_engineer");
    const { status: answer, body } = await post({ endpoint: tenant.endpointName, ...window });
    expect(answer).toBe(code);
    expect(body.error?.code).toBe(errorCode);
  });

  it("another tenant's endpoint is not found", async () => {
    as("ml_engineer");
    const { status: answer, body } = await post({ endpoint: "fraud-acme-bank", from: t0.toISOString(), to: tA.toISOString() });
    expect(answer).toBe(404);
    expect(body.error?.code).toBe("not_found");
  });
});
