/**
 * `npm run model:training-data`: the training channels (train, validation) of each demo tenant's
 * production version, gzipped under infra/model/training-data/<group>/v<N>/, with a manifest (rows,
 * frauds, hyper-parameters from the committed model card). The seed uploads them where a retrain
 * reads "the production version's training data" (lib/training/prepare-training-data.ts), so a demo
 * start costs an upload, not the half minute per tenant the simulator takes. Deterministic: the same
 * simulated sets `npm run model:train` trains on.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildTenantData } from "./pipeline/datasets";
import { TENANT_PLANS } from "./pipeline/plan";
import { TENANT_PROFILES } from "./simulator/tenants";

const MODEL_DIR = fileURLToPath(new URL(".", import.meta.url));
/** The versions the seeded story serves as production (infra/local/seed/registry-story.ts). */
const PRODUCTION_VERSIONS: Record<string, number> = { "acme-bank": 2, "globex-pay": 1 };

function countRows(csv: string): { rows: number; frauds: number } {
  const lines = csv.split("\n").slice(1).filter(Boolean);
  return { rows: lines.length, frauds: lines.filter((l) => l.startsWith("1,")).length };
}

async function main(): Promise<void> {
  for (const plan of TENANT_PLANS) {
    const version = PRODUCTION_VERSIONS[plan.tenant];
    const spec = plan.versions.find((v) => v.version === version);
    if (!spec) continue;
    const group = TENANT_PROFILES[plan.tenant].modelPackageGroup;
    const tmp = join(MODEL_DIR, ".data", `training-data-${plan.tenant}`);
    await rm(tmp, { recursive: true, force: true });
    const data = await buildTenantData(plan, tmp);
    const channels = data.sets[spec.trainingSet];
    const out = join(MODEL_DIR, "training-data", group, `v${spec.version}`);
    await mkdir(out, { recursive: true });
    const train = await readFile(join(channels.train, "data.csv"), "utf8");
    const validation = await readFile(join(channels.validation, "data.csv"), "utf8");
    // mtime 0 in the gzip header (zlib's default): reruns give identical bytes.
    await writeFile(join(out, "train.csv.gz"), gzipSync(train, { level: 9 }));
    await writeFile(join(out, "validation.csv.gz"), gzipSync(validation, { level: 9 }));
    const card = JSON.parse(await readFile(join(MODEL_DIR, "artifacts", group, `v${spec.version}`, "model-card.json"), "utf8")) as {
      training: { window: string };
    };
    const trainCounts = countRows(train);
    const validationCounts = countRows(validation);
    const manifest = {
      version: spec.version,
      description: card.training.window,
      rows: trainCounts.rows,
      frauds: trainCounts.frauds,
      validationRows: validationCounts.rows,
      labelsThrough: null,
      hyperparameters: spec.hyperparameters,
    };
    await writeFile(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(tmp, { recursive: true, force: true });
    console.log(`${group} v${spec.version}: ${trainCounts.rows} train, ${validationCounts.rows} validation rows → ${out}`);
  }
}

await main();
