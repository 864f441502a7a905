import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from "@aws-sdk/client-sagemaker";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { createTransactionGenerator } from "@/infra/model/simulator/generator";
import { Random } from "@/infra/model/simulator/random";
import { TENANT_PROFILES, type TenantId } from "@/infra/model/simulator/tenants";
import { documentClient, s3Client, sageMakerClient } from "@/lib/aws/clients";
import { seedMarkerSk, tenantPk } from "@/lib/db/keys";
import { describeEndpointModels } from "@/lib/deployments/describe-endpoint-models";
import { env } from "@/lib/env";
import { FEATURE_NAMES, toCsvRow } from "@/lib/features/schema";
import { captureLine, hourPath } from "../sagemaker/runtime/capture";
import { captureSettingsOf, type CaptureSettings } from "../sagemaker/runtime/capture-settings";
import { clarifyResponse } from "../sagemaker/runtime/clarify";
import { parseCsv } from "../sagemaker/runtime/payload";
import { formatScore } from "../sagemaker/runtime/score-format";
import { parseXgboostModel, predictBatch, type XgboostModel } from "../sagemaker/xgboost";
import type { DemoTenant } from "./demo-tenants";
import { demoDriftOnset, demoDriftOptions } from "./demo-drift";
import { ARTIFACTS_DIR } from "./seed-models";

/**
 * Data capture for the seeded past, as the endpoint would have written it: SageMaker only captures
 * what it serves, and the demo's endpoint was created a moment ago, so the days before today are
 * written here — one object per variant and hour under SageMaker's layout, each line built by the
 * emulator's own capture encoding (captureLine, CaptureContentTypeHeader) from the CSV the scoring
 * path sends and the answer the emulator's XGBoost gives (the same evaluator and Clarify answer the
 * endpoint serves). Traffic follows the demo's drift (demo-drift.ts) at each tenant's natural fraud
 * rate, routed by the variants' current weights. Object names are derived from the hour, so a
 * restart after a crash rewrites the same objects; a marker written last makes later starts free.
 */
const MARKER = seedMarkerSk("drift-capture-v1");
export const CAPTURE_DAYS = 5;
/** 1,440 records a day per tenant: a day's window clears the minimum sample (500) per feature. */
const RECORDS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;
/** The scoring path's request (lib/scoring/invoke-endpoint.ts) and Clarify's answer with no record explained. */
const EXPLAIN_NONE = "`false`";

export interface CaptureSummary {
  tenantId: string;
  skipped: boolean;
  records: number;
  objects: number;
  /** When the demo's drift began (kept from the first seed across restarts). */
  driftOnset: string;
}

export async function seedDriftCapture(tenants: readonly DemoTenant[], now: Date = new Date()): Promise<CaptureSummary[]> {
  return Promise.all(tenants.map((tenant) => seedTenantCapture(tenant, now)));
}

async function seedTenantCapture(tenant: DemoTenant, now: Date): Promise<CaptureSummary> {
  const db = documentClient();
  const TableName = env().TABLE_NAME;
  const markerKey = { PK: tenantPk(tenant.tenantId), SK: MARKER };
  const marker = (await db.send(new GetCommand({ TableName, Key: markerKey }))).Item;
  if (marker) return { tenantId: tenant.tenantId, skipped: true, records: 0, objects: 0, driftOnset: String(marker.driftOnset) };

  const onset = demoDriftOnset(now);
  const { settings, variants } = await endpointCapture(tenant);
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const start = end - CAPTURE_DAYS * 24 * HOUR_MS;
  const generator = createTransactionGenerator({
    tenant: tenant.tenantId as TenantId,
    seed: 20_261_201,
    fraudRate: TENANT_PROFILES[tenant.tenantId as TenantId].fraudRate,
    idPrefix: "capture",
    ...demoDriftOptions(tenant.tenantId as TenantId, onset, now),
  });
  const routing = new Random(7);
  let records = 0;
  let objects = 0;
  for (let hour = start; hour < end; hour += HOUR_MS) {
    const lines = new Map<string, string[]>(variants.map((v) => [v.name, []]));
    for (let i = 0; i < RECORDS_PER_HOUR; i++) {
      const at = new Date(hour + Math.floor(((i + 0.5) * HOUR_MS) / RECORDS_PER_HOUR));
      const { transaction } = generator.next(at);
      const variant = pickVariant(variants, routing.float());
      const input = toCsvRow(transaction);
      const output = await answer(variant.model, input);
      lines.get(variant.name)!.push(
        captureLine({
          endpointName: tenant.endpointName,
          variantName: variant.name,
          settings,
          inputContentType: "text/csv",
          input: Buffer.from(input),
          outputContentType: "application/json",
          output,
          inferenceId: undefined,
          time: at,
        }),
      );
      records++;
    }
    await Promise.all(
      [...lines].map(async ([variantName, body]) => {
        if (body.length === 0) return;
        const folder = `${settings.prefix ? `${settings.prefix}/` : ""}${tenant.endpointName}/${variantName}/${hourPath(new Date(hour))}`;
        await s3Client().send(
          new PutObjectCommand({
            Bucket: settings.bucket,
            Key: `${folder}/59-59-999-${stableUuid(`${folder}/${variantName}`)}.jsonl`,
            Body: `${body.join("\n")}\n`,
            ContentType: "application/jsonl",
          }),
        );
        objects++;
      }),
    );
  }
  await db.send(
    new PutCommand({ TableName, Item: { ...markerKey, seededAt: now.toISOString(), driftOnset: onset.toISOString(), records } }),
  );
  return { tenantId: tenant.tenantId, skipped: false, records, objects, driftOnset: onset.toISOString() };
}

interface CaptureVariant {
  name: string;
  weight: number;
  model: XgboostModel;
}

/** The endpoint's capture settings and its variants with their weights and models. */
async function endpointCapture(tenant: DemoTenant): Promise<{ settings: CaptureSettings; variants: CaptureVariant[] }> {
  const sm = sageMakerClient();
  const endpoint = await sm.send(new DescribeEndpointCommand({ EndpointName: tenant.endpointName }));
  const config = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName }));
  const settings = captureSettingsOf(config.DataCaptureConfig as Parameters<typeof captureSettingsOf>[0]);
  if (!settings) throw new Error(`${tenant.endpointName} does not capture data`);
  const { variants: models } = await describeEndpointModels({ endpointName: tenant.endpointName, withVersions: true });
  const variants = await Promise.all(
    (endpoint.ProductionVariants ?? []).map(async (v) => {
      const version = models.get(v.VariantName ?? "")?.modelVersion ?? "";
      const file = await readFile(path.join(ARTIFACTS_DIR, tenant.modelPackageGroupName, `v${version}`, "xgboost-model"));
      return { name: v.VariantName ?? "", weight: v.CurrentWeight ?? 0, model: parseXgboostModel(file) };
    }),
  );
  return { settings, variants: variants.filter((v) => v.weight > 0) };
}

function pickVariant(variants: readonly CaptureVariant[], draw: number): CaptureVariant {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  let left = draw * total;
  for (const v of variants) if ((left -= v.weight) < 0) return v;
  return variants.at(-1)!;
}

/** What the endpoint answers the scoring path's request: Clarify's JSON with the score and no explanation. */
function answer(model: XgboostModel, csv: string): Promise<string> {
  const batch = parseCsv(csv, model.numFeatures);
  const scores = Array.from(predictBatch(model, batch.rows, batch.count), formatScore);
  return clarifyResponse({
    model,
    batch,
    scores,
    explainer: { enableExplanations: EXPLAIN_NONE, featureHeaders: FEATURE_NAMES, numberOfSamples: undefined, seed: 0 },
    shapBaseline: undefined,
  });
}

function stableUuid(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
