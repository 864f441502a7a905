/**
 * `npm run bench:training -- --data-dir .data`: one retraining job on a running local stack's demo
 * data (acme-bank, or `--tenant`), as the Retrain button starts it — the production version's
 * training data plus the last `--days` (7) of matured analyst verdicts, production's hyper-parameters
 * — and prints its phases' times (prepare, SageMaker's TrainingTimeInSeconds, the whole job) and the
 * new version's figures beside production's on the same out-of-time split. It registers a real
 * version in that stack's registry (PendingManualApproval): run it on a stack of your own.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand } from "@aws-sdk/client-sagemaker";
import type { DemoFile } from "@/infra/local/launcher/demo-file";
import { applyLocalStackEnv } from "@/infra/local/stack-env";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: ".data" },
    tenant: { type: "string", default: "acme-bank" },
    days: { type: "string", default: "7" },
  },
});
const demo = JSON.parse(await readFile(path.join(values["data-dir"], "demo.json"), "utf8")) as DemoFile;
applyLocalStackEnv(demo.stack);

const { s3Client, sageMakerClient } = await import("@/lib/aws/clients");
const { launchTrainingJob } = await import("@/lib/training/launch-training-job");
const { runTrainingJob } = await import("@/lib/training/advance-training-job");
const { parseS3Uri } = await import("@/lib/training/s3-uri");

const tenantId = values.tenant;
const to = new Date();
const from = new Date(to.getTime() - Number(values.days) * 86_400_000);
const started = performance.now();
const job = await launchTrainingJob({ tenantId, actor: "bench", request: { from: from.toISOString(), to: to.toISOString() } });
const p = job.parameters;
console.log(
  `${tenantId}: production v${p.production.version}; labels ${p.labels.verified} verified, ${p.labels.used} used (${p.labels.frauds} fraud, ${p.labels.legit} legit), ${p.labels.immature} immature; rows train ${p.rows.train}, validation ${p.rows.validation}, test ${p.rows.test}`,
);
console.log(`hyper-parameters: ${JSON.stringify(p.hyperparameters)}`);
const done = await runTrainingJob({ tenantId, name: job.name }, { pollMs: 500 });
const wall = (performance.now() - started) / 1000;
if (!done || done.status !== "Completed" || !done.registered) {
  console.log(`job ${job.name} ended ${done?.status}: ${done?.failureReason ?? ""}`);
  process.exit(1);
}
const trainingStart = done.transitions.find((t) => t.status === "Training");
console.log(
  `job ${job.name}: whole job ${wall.toFixed(1)} s; SageMaker TrainingTimeInSeconds ${done.trainingSeconds} s (Training phase ${trainingStart?.startTime} → ${trainingStart?.endTime})`,
);
const pkg = await sageMakerClient().send(new DescribeModelPackageCommand({ ModelPackageName: done.registered.arn }));
const evaluation = JSON.parse(
  (await (
    await s3Client().send(new GetObjectCommand(parseS3Uri(pkg.ModelMetrics!.ModelQuality!.Statistics!.S3Uri!)))
  ).Body?.transformToString()) ?? "{}",
) as {
  rows: number;
  roc_auc: number;
  pr_auc: number;
  recall_at_precision: Array<{ precision: number; recall: number }>;
  champion: { version: number; roc_auc: number; pr_auc: number; recall_at_precision: Array<{ precision: number; recall: number }> };
};
const at80 = (r: Array<{ precision: number; recall: number }>) => r.find((x) => Math.abs(x.precision - 0.8) < 1e-9)?.recall;
console.log(`on the same out-of-time test split (${evaluation.rows} labels):`);
console.log(
  `  new v${done.registered.version}: ROC-AUC ${evaluation.roc_auc.toFixed(4)}  PR-AUC ${evaluation.pr_auc.toFixed(4)}  recall@80%P ${at80(evaluation.recall_at_precision)?.toFixed(3)}`,
);
console.log(
  `  production v${evaluation.champion.version}: ROC-AUC ${evaluation.champion.roc_auc.toFixed(4)}  PR-AUC ${evaluation.champion.pr_auc.toFixed(4)}  recall@80%P ${at80(evaluation.champion.recall_at_precision)?.toFixed(3)}`,
);
process.exit(0);
