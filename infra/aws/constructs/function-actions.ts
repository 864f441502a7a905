/**
 * The AWS API actions each Lambda's handler sends, in IAM's names: exactly the SDK commands of the
 * lib/ modules its bundle holds (test/functions.test.ts reads them from esbuild's list of the
 * bundle's inputs and compares), as CONSOLE_ACTIONS is for the console.
 */
export const FUNCTION_ACTIONS = {
  /** lib/deployments/rollback-handler.ts: deploy-core's rollback (weights, or a new config), its records and claim. */
  rollback: [
    "dynamodb:DeleteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
    "sagemaker:DescribeEndpoint",
    "sagemaker:UpdateEndpoint",
    "sagemaker:UpdateEndpointWeightsAndCapacities",
  ],
  /** infra/aws/functions/drift-fan-out.ts: the drift Lambda's reads, and the hour partials it writes and merges. */
  driftFanOut: [
    "dynamodb:DeleteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
    "s3:GetObject",
    "s3:ListBucket",
    "s3:PutObject",
    "sagemaker:DescribeEndpoint",
    "sagemaker:DescribeEndpointConfig",
    "sagemaker:DescribeModel",
    "sagemaker:DescribeModelPackage",
    "sagemaker:ListModelPackages",
    "sagemaker:ListTags",
  ],
  /** lib/error-budget/publish-error-budget.ts: the tenants, their SLO settings, the SLO series, the published share. */
  errorBudget: ["cloudwatch:GetMetricData", "cloudwatch:PutMetricData", "dynamodb:GetItem", "dynamodb:Query"],
  /** lib/training/handlers.ts: the job record and lock, the channels, the training job and its log tail, the registration. */
  training: [
    "dynamodb:DeleteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
    "logs:DescribeLogStreams",
    "logs:GetLogEvents",
    "s3:GetObject",
    "s3:ListBucket",
    "s3:PutObject",
    "sagemaker:CreateModelPackage",
    "sagemaker:CreateTrainingJob",
    "sagemaker:DescribeModelPackage",
    "sagemaker:DescribeTrainingJob",
    "sagemaker:ListModelPackages",
    "sagemaker:StopTrainingJob",
  ],
} as const satisfies Record<string, readonly string[]>;
