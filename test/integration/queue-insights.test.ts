import { describe, expect, it } from "vitest";
import { getGlobalExplanations } from "@/lib/explanations/get-global-explanations";
import { recordVerdict } from "@/lib/feedback/record-verdict";
import { LABEL_CSV_HEADER } from "@/lib/labels/label-format";
import { exportLabels } from "@/lib/labels/export-labels";
import { analyst, queueItem, testTenant } from "./queue-helpers";

const tenant = testTenant("insights");
const A = analyst(tenant);

async function text(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const line of lines) out += line;
  return out;
}

describe("labels and global explanations from verdicts", () => {
  it("exports verified verdicts only, as training CSV and JSON lines, and derives precision per model version", async () => {
    const fraud = await queueItem(tenant, { amount: 900 });
    const legit = await queueItem(tenant, { amount: 20 });
    await queueItem(tenant, { amount: 30 });
    const escalated = await queueItem(tenant, { amount: 40, model: { endpoint: "e", variant: "canary", version: "3" } });
    await recordVerdict({ tenantId: tenant, txnId: fraud.txnId, actor: A, verdict: "fraud", version: 1 });
    await recordVerdict({ tenantId: tenant, txnId: legit.txnId, actor: A, verdict: "legit", version: 1 });
    await recordVerdict({ tenantId: tenant, txnId: escalated.txnId, actor: A, verdict: "escalate", version: 1 });

    const csv = (await text(exportLabels({ tenantId: tenant, format: "csv" }))).trim().split("\n");
    expect(csv[0]).toBe(LABEL_CSV_HEADER);
    expect(csv.slice(1).map((row) => row.split(",").slice(0, 2).join(","))).toEqual(["1,900", "0,20"]);
    const jsonl = (await text(exportLabels({ tenantId: tenant, format: "jsonl" })))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl.map((r) => [r.txn_id, r.is_fraud, r.verdict])).toEqual([
      [fraud.txnId, 1, "fraud"],
      [legit.txnId, 0, "legit"],
    ]);
    expect(await text(exportLabels({ tenantId: testTenant("empty"), format: "jsonl" }))).toBe("");

    const global = await getGlobalExplanations({ tenantId: tenant, days: 7 });
    expect(global.versions.map((v) => [v.modelVersion, v.flagged, v.precision])).toEqual([
      ["3", 1, null],
      ["2", 3, 0.5],
    ]);
    expect(global.versions[1]?.importance[0]).toMatchObject({ feature: "amount", meanAbsShap: 1.5 });
  });
});
