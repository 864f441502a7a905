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
  /** lib/drift/drift-handler.ts: capture, baselines, serving versions, the run records and the episode claim. */
  drift: [
    "dynamodb:DeleteItem",
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:Query",
    "dynamodb:UpdateItem",
    "s3:GetObject",
    "s3:ListBucket",
    "sagemaker:DescribeEndpoint",
    "sagemaker:DescribeEndpointConfig",
    "sagemaker:DescribeModel",
    "sagemaker:DescribeModelPackage",
    "sagemaker:ListModelPackages",
    "sagemaker:ListTags",
  ],
  /** lib/error-budget/publish-error-budget.ts: the tenants, their SLO settings, the SLO series, the published share. */
  errorBudget: ["cloudwatch:GetMetricData", "cloudwatch:PutMetricData", "dynamodb:GetItem", "dynamodb:Query"],
} as const satisfies Record<string, readonly string[]>;
