import type { DriftHistogramBin } from "./drift-run";

/**
 * What runAndRecordDrift needs from the drift computation (drift-core's runDriftJob, adapted in
 * from-drift-job.ts): per feature and per variant's score, the figures over exactly [from, to),
 * the number of records, the baseline compared to, and the distributions on the baseline's bins.
 */
export interface DriftJobFeature {
  feature: string;
  type: "numeric" | "categorical" | "boolean";
  records: number;
  psi: number | null;
  ks?: number | null;
  wasserstein?: number | null;
  js?: number | null;
  chiSquare?: number | null;
  meanShift: number | null;
  missingRate: number;
  baselineMissingRate: number | null;
  unseenShare?: number | null;
  bins: DriftHistogramBin[];
  /** Training records of the baseline, when the job reports them. */
  baselineRecords?: number | null;
}

export interface DriftJobScore {
  variant: string;
  modelVersion: string;
  records: number;
  psi: number | null;
  ks: number | null;
  wasserstein: number | null;
  meanShift: number | null;
  mean: number | null;
  baselineMean: number | null;
  bins: DriftHistogramBin[];
  /** Training records of the baseline, when the job reports them. */
  baselineRecords?: number | null;
}

export interface DriftJobOutput {
  records: number;
  baselineVersion: string;
  features: DriftJobFeature[];
  score: DriftJobScore[];
}

export interface DriftJobInput {
  tenantId: string;
  endpointName: string;
  from: Date;
  to: Date;
}

export type DriftJob = (input: DriftJobInput) => Promise<DriftJobOutput>;
