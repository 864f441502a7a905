/**
 * `npm run model:baseline`: rewrite every committed version's baseline.json from the same simulated
 * training data `npm run model:train` uses, with the committed models (read, never rewritten). For
 * a change to the baseline's contents without retraining; deterministic like the training.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { TENANT_PROFILES } from "./simulator/tenants";
import { buildTenantData } from "./pipeline/datasets";
import { TENANT_PLANS } from "./pipeline/plan";
import { runPython } from "./pipeline/python";

const MODEL_DIR = fileURLToPath(new URL(".", import.meta.url));

for (const plan of TENANT_PLANS) {
  const group = TENANT_PROFILES[plan.tenant].modelPackageGroup;
  const dataDir = join(MODEL_DIR, ".data", plan.tenant);
  await rm(dataDir, { recursive: true, force: true });
  const data = await buildTenantData(plan, dataDir);
  for (const spec of plan.versions) {
    const out = runPython({
      script: "baseline_only.py",
      args: [data.sets[spec.trainingSet].train, join(MODEL_DIR, "artifacts", group, `v${spec.version}`)],
    });
    process.stdout.write(out);
  }
}
