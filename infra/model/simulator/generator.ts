import type { Transaction } from "@/lib/features/transaction";
import { daysBetween, driftAt, NO_DRIFT, type DriftKnobs } from "./drift";
import { drawFraud } from "./fraud";
import { drawLegit } from "./legit";
import { createPopulation } from "./population";
import { Random, type Weights } from "./random";
import { TENANT_PROFILES, type FraudPattern, type TenantId } from "./tenants";
import { toTransaction } from "./to-transaction";

export interface GeneratorOptions {
  tenant: TenantId;
  seed: number;
  /** Seed of the customers and merchants (default: seed); share it to simulate another era of one tenant. */
  populationSeed?: number;
  /** Origin of drift and of account/device ageing (default 2026-01-01). */
  driftStart?: Date;
  /**
   * Origin of the drift knobs alone (default: driftStart), so that drift can begin at a chosen
   * moment while ages keep the training data's origin (the demo: drift from a few days ago).
   */
  driftOnset?: Date;
  drift?: Partial<DriftKnobs>;
  /** Override the tenant's fraud rate (before drift). */
  fraudRate?: number;
  /** Override pattern weights, e.g. { account_takeover: 0 } for an era before that campaign. */
  patternWeights?: Weights<FraudPattern>;
  /** Prefix of generated txn_ids; make it unique per run when txn_ids must not repeat. */
  idPrefix?: string;
}

export interface SimulatedTransaction {
  transaction: Transaction;
  isFraud: boolean;
  pattern: FraudPattern | null;
}

export interface TransactionGenerator {
  /** The next transaction, happening at `at` (live traffic passes the current time). */
  next(at: Date): SimulatedTransaction;
}

export const DEFAULT_DRIFT_START = new Date("2026-01-01T00:00:00Z");

export function createTransactionGenerator(options: GeneratorOptions): TransactionGenerator {
  const profile = TENANT_PROFILES[options.tenant];
  const population = createPopulation(profile, options.populationSeed ?? options.seed);
  const rng = new Random(options.seed);
  const knobs: DriftKnobs = { ...NO_DRIFT, ...options.drift };
  const driftStart = options.driftStart ?? DEFAULT_DRIFT_START;
  const driftOnset = options.driftOnset ?? driftStart;
  const patternWeights = { ...profile.patternWeights, ...options.patternWeights };
  const fraudRate = options.fraudRate ?? profile.fraudRate;
  const idPrefix = options.idPrefix ?? `${options.tenant}-${options.seed}`;
  let sequence = 0;

  return {
    next(at) {
      const drift = driftAt(knobs, driftOnset, at);
      const context = { rng, drift, day: daysBetween(driftStart, at) };
      const isFraud = rng.chance(fraudRate * drift.fraudRateScale);
      const pattern = isFraud ? rng.weighted(patternWeights) : null;
      const draft = pattern ? drawFraud(context, profile, population, pattern) : drawLegit(context, profile, population);
      const txnId = `${idPrefix}-${sequence++}`;
      return { transaction: toTransaction(rng, draft, txnId, at, profile.minimalContextShare), isFraud, pattern };
    },
  };
}

export interface BatchOptions extends GeneratorOptions {
  start: Date;
  days: number;
  count: number;
}

/** `count` transactions spread evenly over `days` from `start`, in time order. */
export function* simulateTransactions(options: BatchOptions): Generator<SimulatedTransaction> {
  const generator = createTransactionGenerator(options);
  const stepMs = (options.days * 86_400_000) / Math.max(1, options.count);
  for (let i = 0; i < options.count; i++) {
    yield generator.next(new Date(options.start.getTime() + Math.floor(i * stepMs)));
  }
}
