import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { FEATURE_NAMES, LABEL_COLUMN, toCsvRow } from "@/lib/features/schema";
import type { SimulatedTransaction } from "./generator";

/** Labelled training CSV: a header (label, then the schema's feature names), empty field = missing. */
export const TRAINING_CSV_HEADER = [LABEL_COLUMN, ...FEATURE_NAMES].join(",");

export function toTrainingCsvLine(sim: SimulatedTransaction): string {
  return `${sim.isFraud ? 1 : 0},${toCsvRow(sim.transaction)}`;
}

export interface CsvSummary {
  rows: number;
  frauds: number;
}

/** Stream rows to a file (backpressure-aware: training sets have hundreds of thousands of rows). */
export async function writeTrainingCsv(path: string, rows: Iterable<SimulatedTransaction>): Promise<CsvSummary> {
  const out = createWriteStream(path);
  const summary: CsvSummary = { rows: 0, frauds: 0 };
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  await write(TRAINING_CSV_HEADER);
  for (const row of rows) {
    await write(toTrainingCsvLine(row));
    summary.rows++;
    if (row.isFraud) summary.frauds++;
  }
  out.end();
  await once(out, "finish");
  return summary;
}
