import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { sageMakerClient } from "@/lib/aws/clients";
import { isSageMakerMissing } from "@/lib/aws/missing";
import { env } from "@/lib/env";
import { APPROVAL_ACTOR_KEY, APPROVAL_AT_KEY } from "@/lib/models/approval";
import type { StoryApproval } from "./registry-story";

import { ARTIFACTS_DIR, XGBOOST_IMAGE } from "./seed-models";

/** One registry version: which committed artifacts it points at, and its approval in the story. */
export interface RegistryEntry {
  /** S3 keys of its model.tar.gz, evaluation.json and baseline.json (already uploaded). */
  artifacts: { modelKey: string; evaluationKey: string; baselineKey: string };
  /** The committed model card whose description the version carries. */
  card: { group: string; version: number };
  approval: StoryApproval | null;
}

const s3Uri = (key: string) => `s3://${env().MODELS_BUCKET}/${key}`;

async function description(card: RegistryEntry["card"]): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, card.group, `v${card.version}`, "model-card.json");
  const parsed = JSON.parse(await readFile(file, "utf8")) as { description?: string };
  return (parsed.description ?? `Version ${card.version}`).slice(0, 1000);
}

/**
 * Fills a model package group with `entries` as versions 1..n (registering only those not there yet,
 * so version numbers match the list), each PendingManualApproval as training registers it; then the
 * story's decisions are recorded the way the console records them (UpdateModelPackage with
 * ApprovalDescription, who and when). A version someone decided in the console keeps that decision;
 * one registered by an older seed (all Approved, no decision recorded) is brought into the story.
 */
export async function seedRegistry(input: {
  groupName: string;
  tenantId: string;
  tenantName: string;
  entries: readonly RegistryEntry[];
}): Promise<void> {
  const sm = sageMakerClient();
  const group = input.groupName;
  try {
    await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
  } catch (error) {
    if (!isSageMakerMissing(error)) throw error;
    await sm.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: group,
        ModelPackageGroupDescription: `Fraud models of ${input.tenantName}`,
        Tags: [{ Key: "tenant", Value: input.tenantId }],
      }),
    );
  }
  const listed = await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 100 }));
  const registered = listed.ModelPackageSummaryList?.length ?? 0;
  for (const [i, entry] of input.entries.entries()) {
    if (i < registered) continue;
    await sm.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: group,
        ModelPackageDescription: await description(entry.card),
        ModelApprovalStatus: "PendingManualApproval",
        InferenceSpecification: {
          Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: s3Uri(entry.artifacts.modelKey) }],
          SupportedContentTypes: ["text/csv"],
          SupportedResponseMIMETypes: ["text/csv", "application/json"],
        },
        ModelMetrics: { ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: s3Uri(entry.artifacts.evaluationKey) } } },
        DriftCheckBaselines: {
          ModelDataQuality: { Statistics: { ContentType: "application/json", S3Uri: s3Uri(entry.artifacts.baselineKey) } },
        },
        CustomerMetadataProperties: { tenant: input.tenantId, artifactVersion: `v${entry.card.version}` },
      }),
    );
  }
  const arns = await sm.send(
    new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 100, SortBy: "CreationTime", SortOrder: "Ascending" }),
  );
  for (const [i, summary] of (arns.ModelPackageSummaryList ?? []).entries()) {
    const entry = input.entries[i];
    if (!entry || !summary.ModelPackageArn) continue;
    const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: summary.ModelPackageArn }));
    if (described.CustomerMetadataProperties?.[APPROVAL_ACTOR_KEY]) continue; // decided through the console (or already seeded)
    const wanted = entry.approval?.status ?? "PendingManualApproval";
    if (!entry.approval && described.ModelApprovalStatus === wanted) continue;
    await sm.send(
      new UpdateModelPackageCommand({
        ModelPackageArn: summary.ModelPackageArn,
        ModelApprovalStatus: wanted,
        ...(entry.approval
          ? {
              ApprovalDescription: entry.approval.comment,
              CustomerMetadataProperties: { [APPROVAL_ACTOR_KEY]: entry.approval.by, [APPROVAL_AT_KEY]: entry.approval.at },
            }
          : {}),
      }),
    );
  }
}
