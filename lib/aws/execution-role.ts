import { env } from "@/lib/env";

/**
 * The IAM role SageMaker runs a tenant's models (CreateModel) and training jobs (CreateTrainingJob)
 * with: the tenant's own role where SAGEMAKER_EXECUTION_ROLE_ARNS names one (the CDK app sets it,
 * each role limited to its tenant's prefixes), else the deployment-wide SAGEMAKER_EXECUTION_ROLE_ARN
 * (the local stack, whose emulator accepts any).
 */
export function executionRoleArnFor(tenantId: string): string {
  const settings = env();
  return settings.SAGEMAKER_EXECUTION_ROLE_ARNS?.[tenantId] ?? settings.SAGEMAKER_EXECUTION_ROLE_ARN;
}
