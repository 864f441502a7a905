/**
 * `npm run simulate -- --tenant acme-bank --count 20 [--seed 7] [--format jsonl|csv] [--labels]
 *   [--start 2026-05-01T00:00:00Z] [--days 1] [--out file]`
 * Prints simulated transactions: JSON lines as a payment app would POST them (with --labels each
 * line is {transaction, is_fraud, pattern}), or the labelled training CSV.
 */
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { TRAINING_CSV_HEADER, toTrainingCsvLine } from "./simulator/csv";
import { simulateTransactions, type SimulatedTransaction } from "./simulator/generator";
import { TENANT_IDS } from "./simulator/tenants";

const optionsSchema = z.object({
  tenant: z.enum(TENANT_IDS),
  count: z.coerce.number().int().positive().default(20),
  seed: z.coerce.number().int().default(1),
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  labels: z.boolean().default(false),
  start: z.iso.datetime({ offset: true }).default("2026-05-01T00:00:00Z"),
  days: z.coerce.number().positive().default(1),
  out: z.string().optional(),
});

const { values } = parseArgs({
  options: {
    tenant: { type: "string" },
    count: { type: "string" },
    seed: { type: "string" },
    format: { type: "string" },
    labels: { type: "boolean" },
    start: { type: "string" },
    days: { type: "string" },
    out: { type: "string" },
  },
});

const parsed = optionsSchema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}
const options = parsed.data;

function line(sim: SimulatedTransaction): string {
  if (options.format === "csv") return toTrainingCsvLine(sim);
  const body = options.labels ? { transaction: sim.transaction, is_fraud: sim.isFraud, pattern: sim.pattern } : sim.transaction;
  return JSON.stringify(body);
}

const out = options.out ? createWriteStream(options.out) : process.stdout;
if (options.format === "csv") out.write(`${TRAINING_CSV_HEADER}\n`);
for (const sim of simulateTransactions({ ...options, start: new Date(options.start) })) out.write(`${line(sim)}\n`);
if (out !== process.stdout) out.end();
