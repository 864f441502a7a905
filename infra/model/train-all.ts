/**
 * `npm run model:train`: simulate each demo tenant's transactions, write the training CSVs, train
 * every model version with the SageMaker script-mode entry point (infra/model/train/train.py),
 * package model.tar.gz, check the acceptance figures and the demo payloads, and refresh the
 * README's metrics table. Deterministic: same code, same artifacts.
 */
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TENANT_PROFILES } from "./simulator/tenants";
import { buildTenantData, type TenantData } from "./pipeline/datasets";
import { demoProblems, scoreDemos } from "./pipeline/demo-check";
import { evaluationArgs } from "./pipeline/evaluation-args";
import { TENANT_PLANS, type TenantPlan, type VersionSpec } from "./pipeline/plan";
import { runPython } from "./pipeline/python";
import { metricsTable, summarize, updateReadme, type VersionSummary } from "./pipeline/summary";

const MODEL_DIR = fileURLToPath(new URL(".", import.meta.url));
const ARTIFACTS = join(MODEL_DIR, "artifacts");
const DATA = join(MODEL_DIR, ".data");
const MIN_BASELINE_AUC = 0.9;

function trainVersion(plan: TenantPlan, group: string, spec: VersionSpec, data: TenantData, outDir: string): void {
  const channels = data.sets[spec.trainingSet];
  const hyperparameters = Object.entries(spec.hyperparameters).flatMap(([k, v]) => [`--${k}`, String(v)]);
  runPython({
    script: "train.py",
    env: { SM_MODEL_DIR: outDir, SM_CHANNEL_TRAIN: channels.train, SM_CHANNEL_VALIDATION: channels.validation, SM_CHANNEL_TEST: data.test },
    args: [
      ...hyperparameters,
      ...["--model_package_group", group, "--version", String(spec.version), "--description", spec.description],
      ...["--created", spec.created],
      // Versions train in order, so the champion (an earlier version) is already in artifacts/.
      ...evaluationArgs(plan, spec, join(ARTIFACTS, group)),
    ],
  });
  runPython({ script: "package_model.py", args: [outDir] });
}

function acceptanceProblems(rows: readonly VersionSummary[]): string[] {
  const byVersion = (v: number) => rows.find((r) => r.version === v);
  const [v1, v2] = [byVersion(1), byVersion(2)];
  const problems = rows.flatMap((r) => demoProblems(r.version, r.demo).map((p) => `${r.group} ${p}`));
  if (v1 && v1.rocAuc < MIN_BASELINE_AUC) problems.push(`${v1.group} v1 ROC-AUC ${v1.rocAuc} < ${MIN_BASELINE_AUC}`);
  if (v1 && v2 && v2.rocAuc <= v1.rocAuc) problems.push(`${v2.group} v2 ROC-AUC is not better than v1`);
  return problems;
}

async function main(): Promise<void> {
  const started = Date.now();
  const summaries: VersionSummary[] = [];
  const problems: string[] = [];
  for (const plan of TENANT_PLANS) {
    const group = TENANT_PROFILES[plan.tenant].modelPackageGroup;
    const dataDir = join(DATA, plan.tenant);
    await rm(dataDir, { recursive: true, force: true });
    const data = await buildTenantData(plan, dataDir);
    console.log(`${plan.tenant}: simulated data in ${dataDir}`);
    const dirs: string[] = [];
    for (const spec of plan.versions) {
      const outDir = join(ARTIFACTS, group, `v${spec.version}`);
      await rm(outDir, { recursive: true, force: true });
      await mkdir(outDir, { recursive: true });
      trainVersion(plan, group, spec, data, outDir);
      dirs.push(outDir);
    }
    const demos = await scoreDemos(
      dataDir,
      dirs.map((d) => join(d, "xgboost-model")),
    );
    const rows = await Promise.all(
      plan.versions.map((spec, i) => summarize(group, spec.version, dirs[i] ?? "", demos[i] ?? { legit: NaN, suspicious: NaN })),
    );
    summaries.push(...rows);
    problems.push(...acceptanceProblems(rows));
  }
  const table = metricsTable(summaries);
  console.log(`\n${table}\n`);
  await updateReadme(join(MODEL_DIR, "README.md"), table);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (problems.length > 0) {
    console.error(`acceptance failed:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  }
}

await main();
