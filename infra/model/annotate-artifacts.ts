/**
 * `npm run model:annotate`: rewrite only the `context` and `champion` parts of every committed
 * evaluation.json — the champion scored on the candidate's test split, as `npm run model:train`
 * records it — without retraining, so the models (and every other figure) stay byte-identical.
 * Deterministic: the test split is re-simulated from the plan's fixed seeds.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TENANT_PROFILES } from "./simulator/tenants";
import { buildTenantData } from "./pipeline/datasets";
import { evaluationArgs } from "./pipeline/evaluation-args";
import { TENANT_PLANS } from "./pipeline/plan";
import { runPython } from "./pipeline/python";

const MODEL_DIR = fileURLToPath(new URL(".", import.meta.url));
const DATA = join(MODEL_DIR, ".data");

for (const plan of TENANT_PLANS) {
  const group = TENANT_PROFILES[plan.tenant].modelPackageGroup;
  const artifacts = join(MODEL_DIR, "artifacts", group);
  const dataDir = join(DATA, plan.tenant);
  await rm(dataDir, { recursive: true, force: true });
  const data = await buildTenantData(plan, dataDir);
  for (const spec of plan.versions) {
    const evaluation = join(artifacts, `v${spec.version}`, "evaluation.json");
    runPython({ script: "annotate.py", args: [evaluation, data.test, ...evaluationArgs(plan, spec, artifacts)] });
    console.log(`${group} v${spec.version}: annotated${spec.champion === undefined ? "" : ` (champion v${spec.champion})`}`);
  }
}
