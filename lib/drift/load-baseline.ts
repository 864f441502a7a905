import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { DescribeModelPackageCommand, ListModelPackagesCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { s3Client, sageMakerClient } from "@/lib/aws/clients";
import { AppError } from "@/lib/errors/app-error";
import { baselineSchema, type Baseline } from "./baseline";

export interface BaselineDeps {
  sageMaker?: Pick<SageMakerClient, "send">;
  s3?: Pick<S3Client, "send">;
}

const MAX_PAGES = 20;

async function packageArn(sm: Pick<SageMakerClient, "send">, group: string, version: number): Promise<string | null> {
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await sm.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 100, NextToken: token }));
    const found = out.ModelPackageSummaryList?.find((p) => p.ModelPackageVersion === version);
    if (found?.ModelPackageArn) return found.ModelPackageArn;
    token = out.NextToken;
    if (!token) break;
  }
  return null;
}

/**
 * The training baseline of a model version: the registry's DriftCheckBaselines
 * (ModelDataQuality.Statistics) of the version's model package, read from S3. A version without one
 * cannot be judged for drift: `not_found`, never a guess.
 */
export async function loadBaseline(input: { modelPackageGroupName: string; version: string }, deps: BaselineDeps = {}): Promise<Baseline> {
  const sm = deps.sageMaker ?? sageMakerClient();
  const version = Number(input.version);
  const arn = Number.isInteger(version) ? await packageArn(sm, input.modelPackageGroupName, version) : null;
  if (!arn) throw new AppError("not_found", `Model version ${input.version} is not in the registry`);
  const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
  const uri = described.DriftCheckBaselines?.ModelDataQuality?.Statistics?.S3Uri ?? "";
  const location = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!location) throw new AppError("not_found", `Model version ${input.version} has no drift baseline`);
  const object = await (deps.s3 ?? s3Client()).send(new GetObjectCommand({ Bucket: location[1], Key: location[2] }));
  const parsed = baselineSchema.safeParse(JSON.parse((await object.Body?.transformToString()) ?? "null"));
  if (!parsed.success) throw new AppError("internal", `The drift baseline of model version ${input.version} is not readable`);
  return parsed.data;
}
