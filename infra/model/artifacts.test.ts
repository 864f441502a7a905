import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { extract } from "tar-stream";
import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "@/lib/features/schema";

/**
 * Tripwire for the committed artifacts: other parts of the console load them as they are, so the
 * layout, the feature headers (which must equal the schema's) and the acceptance figures must hold.
 * A schema change without `npm run model:train` fails here.
 */
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const GROUPS = ["acme-bank-fraud", "globex-pay-fraud"];
const VERSIONS = [1, 2, 3];

const readJson = (group: string, version: number, file: string) =>
  JSON.parse(readFileSync(join(ARTIFACTS, group, `v${version}`, file), "utf8")) as Record<string, unknown>;

async function tarEntries(path: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const stream = extract();
  stream.on("entry", (header, body, next) => {
    const chunks: Buffer[] = [];
    body.on("data", (chunk: unknown) => {
      chunks.push(Buffer.from(chunk as Uint8Array));
    });
    body.on("end", () => {
      entries.set(header.name, Buffer.concat(chunks));
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  stream.end(gunzipSync(readFileSync(path)));
  await done;
  return entries;
}

describe.each(GROUPS)("%s", (group) => {
  it.each(VERSIONS)("v%i carries the schema's feature names in the model and the card", async (version) => {
    const dir = join(ARTIFACTS, group, `v${version}`);
    const model = readJson(group, version, "xgboost-model") as { learner: { feature_names: string[] } };
    expect(model.learner.feature_names).toEqual(FEATURE_NAMES);
    const card = readJson(group, version, "model-card.json");
    expect(card).toMatchObject({ model_package_group: group, version, feature_names: FEATURE_NAMES });
    expect(statSync(join(dir, "xgboost-model")).size).toBeLessThan(400 * 1024);

    const entries = await tarEntries(join(dir, "model.tar.gz"));
    expect([...entries.keys()]).toEqual(["xgboost-model"]);
    expect(entries.get("xgboost-model")?.equals(readFileSync(join(dir, "xgboost-model")))).toBe(true);

    const baseline = readJson(group, version, "baseline.json") as { features: Array<{ name: string }> };
    expect(baseline.features.map((f) => f.name)).toEqual(FEATURE_NAMES);
  });

  it("meets the acceptance figures on the held-out split: v1 >= 0.9, v2 better, v3 worse", () => {
    const auc = (version: number) => readJson(group, version, "evaluation.json").roc_auc as number;
    const datasets = VERSIONS.map((v) => readJson(group, v, "evaluation.json").dataset);
    expect(new Set(datasets)).toEqual(new Set(["test"]));
    expect(auc(1)).toBeGreaterThanOrEqual(0.9);
    expect(auc(2)).toBeGreaterThan(auc(1));
    expect(auc(3)).toBeLessThan(auc(1));
  });

  it("records each retrain's champion scored on the candidate's own test split", () => {
    const figures = (e: Record<string, unknown>) => {
      const at = (e.recall_at_precision as Array<{ precision: number; recall: number }>).find((p) => p.precision === 0.8);
      return { roc_auc: e.roc_auc, pr_auc: e.pr_auc, recall_at_80: at?.recall };
    };
    expect(readJson(group, 1, "evaluation.json").champion).toBeUndefined();
    for (const version of [2, 3]) {
      const evaluation = readJson(group, version, "evaluation.json");
      const champion = evaluation.champion as Record<string, unknown> & { version: number; rows: number };
      expect(champion.rows).toBe(evaluation.rows);
      // Every committed version shares one test split, so scoring the champion on the candidate's
      // split must reproduce the champion's own figures: a self-check of the pipeline.
      expect(figures(champion)).toEqual(figures(readJson(group, champion.version, "evaluation.json")));
      expect(evaluation.context).toMatchObject({ test_window: { from: "2026-07-30", to: "2026-08-29" } });
    }
  });
});
