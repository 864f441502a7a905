import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DemoScores } from "./demo-check";

/** One row of the metrics table in infra/model/README.md (rewritten by every `npm run model:train`). */
export interface VersionSummary {
  group: string;
  version: number;
  rocAuc: number;
  prAuc: number;
  recallAt80: number;
  trainingRows: number;
  trees: number;
  modelKb: number;
  demo: DemoScores;
}

interface Evaluation {
  roc_auc: number;
  pr_auc: number;
  recall_at_precision: Array<{ precision: number; recall: number }>;
}

interface ModelCard {
  training: { rows: number };
  hyperparameters: { num_round: number };
}

export async function summarize(group: string, version: number, dir: string, demo: DemoScores): Promise<VersionSummary> {
  const evaluation = JSON.parse(await readFile(join(dir, "evaluation.json"), "utf8")) as Evaluation;
  const card = JSON.parse(await readFile(join(dir, "model-card.json"), "utf8")) as ModelCard;
  const size = (await stat(join(dir, "xgboost-model"))).size;
  return {
    group,
    version,
    rocAuc: evaluation.roc_auc,
    prAuc: evaluation.pr_auc,
    recallAt80: evaluation.recall_at_precision.find((r) => r.precision === 0.8)?.recall ?? 0,
    trainingRows: card.training.rows,
    trees: card.hyperparameters.num_round,
    modelKb: Math.round(size / 1024),
    demo,
  };
}

const f3 = (v: number) => v.toFixed(3);
const f4 = (v: number) => v.toFixed(4);

export function metricsTable(rows: readonly VersionSummary[]): string {
  const header = [
    "| group | version | ROC-AUC | PR-AUC | recall @ 80% precision | training rows | trees | model KB | demo 1 (legit) | demo 2 (suspicious) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const body = rows.map(
    (r) =>
      `| ${r.group} | v${r.version} | ${f4(r.rocAuc)} | ${f4(r.prAuc)} | ${f3(r.recallAt80)} | ${r.trainingRows.toLocaleString("en-US")} | ${r.trees} | ${r.modelKb} | ${f4(r.demo.legit)} | ${f4(r.demo.suspicious)} |`,
  );
  return [...header, ...body].join("\n");
}

const START = "<!-- metrics:start -->";
const END = "<!-- metrics:end -->";

/** Replace the table between the README's markers, so the documented figures are the trained ones. */
export async function updateReadme(path: string, table: string): Promise<void> {
  const text = await readFile(path, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${path} lacks the ${START} / ${END} markers`);
  await writeFile(path, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
}
