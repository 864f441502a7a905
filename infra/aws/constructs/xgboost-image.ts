import { CfnMapping, Fn, type Stack } from "aws-cdk-lib";

/**
 * SageMaker's built-in XGBoost 1.7 container (what infra/model/train's script-mode artifacts are
 * served by) lives in a different AWS-owned ECR registry per Region: the SageMaker Python SDK's
 * framework registries (image_uri_config, the "Docker registry paths" page). A Region missing here
 * fails the deploy at the mapping look-up rather than with a wrong image.
 */
const XGBOOST_REGISTRIES: Record<string, string> = {
  "ap-northeast-1": "354813040037",
  "ap-northeast-2": "366743142698",
  "ap-south-1": "720646828776",
  "ap-southeast-1": "121021644041",
  "ap-southeast-2": "783357654285",
  "ca-central-1": "341280168497",
  "eu-central-1": "492215442770",
  "eu-north-1": "662702820516",
  "eu-west-1": "141502667606",
  "eu-west-2": "764974769150",
  "eu-west-3": "659782779980",
  "sa-east-1": "737474898029",
  "us-east-1": "683313688378",
  "us-east-2": "257758044811",
  "us-west-1": "746614075791",
  "us-west-2": "246618743249",
};

export const XGBOOST_IMAGE_TAG = "1.7-1";

export interface XgboostImage {
  /** The image URI for the stack's Region, resolved by CloudFormation (the stack is Region-agnostic). */
  readonly uri: string;
  /** Its ECR repository's ARN (in the AWS-owned registry account), for the execution roles' pulls. */
  readonly repositoryArn: string;
}

export function xgboostImage(stack: Stack): XgboostImage {
  const mapping = new CfnMapping(stack, "XgboostRegistries", {
    mapping: Object.fromEntries(Object.entries(XGBOOST_REGISTRIES).map(([region, account]) => [region, { account }])),
  });
  const account = mapping.findInMap(stack.region, "account");
  return {
    uri: Fn.join("", [account, ".dkr.ecr.", stack.region, ".", stack.urlSuffix, `/sagemaker-xgboost:${XGBOOST_IMAGE_TAG}`]),
    repositoryArn: Fn.join("", ["arn:", stack.partition, ":ecr:", stack.region, ":", account, ":repository/sagemaker-xgboost"]),
  };
}
