import { InvokeEndpointCommand, type SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { sageMakerClient, sageMakerRuntimeClient } from "@/lib/aws/clients";
import type { StoreDeps } from "@/lib/db/store";
import type { DecisionThresholds } from "@/lib/scoring/decision";
import { parseCsvScores } from "@/lib/scoring/parse-invocation";
import { getSettings } from "@/lib/settings/get-settings";
import { ComparisonAccumulator } from "../comparison";
import { toScoredCall } from "../captured-rows";
import { loadVerdicts, type VerdictIndex } from "../verdict-index";
import type { Backtest, BacktestProgress } from "./backtest-record";
import { finishBacktest, recordProgress } from "./backtest-store";
import { SHADOW_VARIANT, type CaptureReader } from "./capture-source";
import { createScoringEndpoint, deleteScoringEndpoint, scoringEndpointName, scoringEndpointStatus } from "./scoring-endpoint";

/** Rows per InvokeEndpoint call: ~120 bytes a row keeps a call near 60 KB, far below the 6 MB limit. */
export const BATCH_ROWS = 500;
/** Progress (and the cancel check) at most this often. */
const PROGRESS_EVERY_MS = 1000;

export interface BacktestDeps extends StoreDeps {
  capture: CaptureReader;
  sageMaker?: Pick<SageMakerClient, "send">;
  runtime?: Pick<SageMakerRuntimeClient, "send">;
  /** Scores rows through the candidate; by default InvokeEndpoint on the run's own endpoint. */
  scoreRows?: (rows: string[]) => Promise<number[]>;
  /** Stands up the scoring endpoint; by default createScoringEndpoint and a wait for InService. */
  prepare?: () => Promise<void>;
  thresholds?: DecisionThresholds;
  verdicts?: VerdictIndex;
  sleep?: (ms: number) => Promise<void>;
  /** Peak heap bytes seen at progress ticks (the benchmark reads it). */
  onTick?: (progress: BacktestProgress) => void;
}

class Cancelled extends Error {}

/**
 * Replays the captured calls of [from, to] that production variants answered (every variant but
 * the shadow) through the candidate, and compares the decisions row by row with the ones served,
 * at the tenant's current thresholds, with analysts' verdicts where they exist. Streaming: one
 * batch of rows in memory at a time, plus the window's verdicts. Progress and the running
 * comparison are stored about once a second, which is also when a cancellation is noticed.
 * Always ends the run (succeeded, cancelled or failed) and deletes its scoring endpoint.
 */
export async function runBacktest(backtest: Backtest, modelPackageArn: string, deps: BacktestDeps): Promise<void> {
  const { tenantId, id } = backtest;
  const name = scoringEndpointName(tenantId, id);
  const sm = deps.sageMaker ?? sageMakerClient();
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const progress: BacktestProgress = { fraction: 0, readThrough: null, rowsScored: 0, unreadableLines: 0 };
  let acc: ComparisonAccumulator | null = null;
  let created = false;
  let lastTick = 0;
  const tick = async (force = false) => {
    const now = Date.now();
    if (!force && now - lastTick < PROGRESS_EVERY_MS) return;
    lastTick = now;
    deps.onTick?.(progress);
    const { cancelRequested } = await recordProgress(
      { tenantId, id, progress, comparison: acc?.result(), scoringEndpoint: created && !deps.scoreRows ? name : undefined },
      deps,
    );
    if (cancelRequested) throw new Cancelled();
  };
  try {
    const thresholds = deps.thresholds ?? (await getSettings({ tenantId }, deps)).settings.thresholds;
    const verdicts = deps.verdicts ?? (await loadVerdicts({ tenantId, from: backtest.from, to: backtest.to }, deps));
    acc = new ComparisonAccumulator(thresholds);
    const scoreRows = deps.scoreRows ?? ((rows: string[]) => invokeRows(name, rows, deps.runtime ?? sageMakerRuntimeClient()));
    if (!deps.scoreRows) {
      created = true;
      await (
        deps.prepare ??
        (async () => {
          await createScoringEndpoint(
            { name, tenantId, liveEndpointName: backtest.endpointName, modelPackageArn, version: backtest.version },
            sm,
          );
          for (;;) {
            const { status, reason } = await scoringEndpointStatus(name, sm);
            if (status === "InService") return;
            if (status === "Failed") throw new Error(`the candidate's scoring endpoint failed: ${reason ?? "no reason given"}`);
            await tick(true);
            await sleep(1000);
          }
        })
      )();
    }
    await tick(true);
    const window = { endpointName: backtest.endpointName, from: backtest.from, to: backtest.to };
    const variants = (await deps.capture.variants(window)).filter((v) => v !== SHADOW_VARIANT);
    const span = Math.max(1, Date.parse(backtest.to) - Date.parse(backtest.from));
    let batch: { rows: string[]; served: number[] } = { rows: [], served: [] };
    const flush = async () => {
      if (batch.rows.length === 0) return;
      const { rows, served } = batch;
      batch = { rows: [], served: [] };
      const candidate = await scoreRows(rows);
      rows.forEach((row, i) => acc!.add({ productionScore: served[i]!, candidateScore: candidate[i]!, label: verdicts.take(row) }));
      progress.rowsScored += rows.length;
    };
    for (const [index, variantName] of variants.entries()) {
      for await (const line of deps.capture.calls({ ...window, variantName })) {
        const call = toScoredCall(line);
        if (!call) {
          progress.unreadableLines += 1;
          continue;
        }
        // The background explainer's call re-scores a transaction already decided and captured.
        if (call.explained) continue;
        batch.rows.push(...call.rows);
        batch.served.push(...call.scores);
        if (batch.rows.length >= BATCH_ROWS) await flush();
        progress.readThrough = new Date(call.time).toISOString();
        progress.fraction = (index + Math.min(1, Math.max(0, (call.time - Date.parse(backtest.from)) / span))) / variants.length;
        await tick();
      }
      await flush();
    }
    progress.fraction = 1;
    deps.onTick?.(progress);
    await finishBacktest({ tenantId, id, status: "succeeded", comparison: acc.result(), progress }, deps);
  } catch (error) {
    const cancelled = error instanceof Cancelled;
    if (!cancelled) console.error(`backtest ${tenantId}/${id} failed`, error);
    await finishBacktest(
      {
        tenantId,
        id,
        status: cancelled ? "cancelled" : "failed",
        comparison: acc?.result(),
        progress,
        error: cancelled ? undefined : error instanceof Error ? error.message : String(error),
      },
      deps,
    );
  } finally {
    if (created) await deleteScoringEndpoint(name, sm).catch((e: unknown) => console.error(`backtest endpoint ${name} not deleted`, e));
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function invokeRows(endpointName: string, rows: string[], runtime: Pick<SageMakerRuntimeClient, "send">): Promise<number[]> {
  const out = await runtime.send(
    new InvokeEndpointCommand({
      EndpointName: endpointName,
      ContentType: "text/csv",
      Accept: "text/csv",
      Body: encoder.encode(rows.join("\n")),
    }),
  );
  const scores = parseCsvScores(out.Body ? decoder.decode(out.Body) : "");
  if (scores.length !== rows.length) throw new Error(`the candidate answered ${scores.length} scores for ${rows.length} rows`);
  return scores;
}
