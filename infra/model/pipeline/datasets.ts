import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FEATURES } from "@/lib/features/schema";
import { TRAINING_CSV_HEADER, toTrainingCsvLine } from "../simulator/csv";
import { simulateTransactions, type SimulatedTransaction } from "../simulator/generator";
import { createLabelMaturity } from "./label-maturity";
import { EARLY_SET_DAYS, FRESH_SET_DAYS, type TenantPlan, type TrainingSetId } from "./plan";

/**
 * Simulate a tenant's data and write SageMaker-style channel directories:
 *   <dir>/<set>/train/data.csv (+ features.json), <dir>/<set>/validation/data.csv, <dir>/test/data.csv
 * Every 7th row of a training window goes to validation (deterministic, ~14%).
 */
export interface ChannelDirs {
  train: string;
  validation: string;
}

export interface TenantData {
  sets: Record<TrainingSetId, ChannelDirs>;
  test: string;
}

const VALIDATION_EVERY = 7;

// The early models predate the acquirer's merchant chargeback feed: that column is empty for them.
function withoutMerchantFeed(sim: SimulatedTransaction): SimulatedTransaction {
  const { merchant_chargeback_rate_90d: _dropped, ...transaction } = sim.transaction;
  return { ...sim, transaction };
}

class SetBuilder {
  readonly train: string[] = [TRAINING_CSV_HEADER];
  readonly validation: string[] = [TRAINING_CSV_HEADER];
  private count = 0;

  add(sim: SimulatedTransaction): void {
    const target = this.count++ % VALIDATION_EVERY === VALIDATION_EVERY - 1 ? this.validation : this.train;
    target.push(toTrainingCsvLine(sim));
  }
}

async function writeCsv(dir: string, lines: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "data.csv"), `${lines.join("\n")}\n`);
}

/** The schema's feature types for the training script's baseline (names are checked against the header). */
function featureSpecJson(): string {
  const spec = FEATURES.map(({ name, label, unit, type, categories }) => ({ name, label, unit, type, categories }));
  return `${JSON.stringify(spec, null, 2)}\n`;
}

async function writeSet(dir: string, builder: SetBuilder): Promise<ChannelDirs> {
  const dirs = { train: join(dir, "train"), validation: join(dir, "validation") };
  await writeCsv(dirs.train, builder.train);
  await writeCsv(dirs.validation, builder.validation);
  await writeFile(join(dirs.train, "features.json"), featureSpecJson());
  return dirs;
}

function withMaturedLabel(sim: SimulatedTransaction, isReported: boolean): SimulatedTransaction {
  return isReported ? sim : { ...sim, isFraud: false, pattern: null };
}

export async function buildTenantData(plan: TenantPlan, dir: string): Promise<TenantData> {
  const { history, tenant } = plan;
  const sets = { early: new SetBuilder(), full: new SetBuilder(), fresh: new SetBuilder() };
  const test: string[] = [TRAINING_CSV_HEADER];
  const isReported = createLabelMaturity(plan.maturitySeed);
  const rows = simulateTransactions({
    tenant,
    seed: history.seed,
    start: new Date(history.start),
    days: history.days,
    count: history.rows,
  });
  let index = 0;
  for (const sim of rows) {
    const day = Math.floor((index++ * history.days) / history.rows);
    if (day >= history.testFromDay) {
      test.push(toTrainingCsvLine(sim));
      continue;
    }
    sets.full.add(sim);
    if (day < EARLY_SET_DAYS) sets.early.add(withoutMerchantFeed(sim));
    const age = history.testFromDay - day;
    if (age <= FRESH_SET_DAYS) sets.fresh.add(withMaturedLabel(sim, !sim.pattern || isReported(sim.pattern, age)));
  }
  const testDir = join(dir, "test");
  await writeCsv(testDir, test);
  return {
    sets: {
      early: await writeSet(join(dir, "early"), sets.early),
      full: await writeSet(join(dir, "full"), sets.full),
      fresh: await writeSet(join(dir, "fresh"), sets.fresh),
    },
    test: testDir,
  };
}
