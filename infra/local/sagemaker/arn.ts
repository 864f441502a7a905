/** ARNs and the account the emulator pretends to be. SageMaker lower-cases resource names in its ARNs. */
export const ACCOUNT_ID = "000000000000";

export function region(): string {
  // The emulator is not lib/ code: it reads the SDK's own region variable, as AWS_REGION is the stack's.
  return process.env.AWS_REGION || "us-east-1";
}

export type ArnKind = "model" | "endpoint-config" | "endpoint" | "model-package-group" | "model-package" | "training-job";

export function arn(kind: ArnKind, name: string): string {
  return `arn:aws:sagemaker:${region()}:${ACCOUNT_ID}:${kind}/${name.toLowerCase()}`;
}

export function modelPackageVersionArn(group: string, version: number): string {
  return arn("model-package", `${group}/${version}`);
}

export function logGroupArn(endpointName: string): string {
  return `arn:aws:logs:${region()}:${ACCOUNT_ID}:log-group:/aws/sagemaker/Endpoints/${endpointName}`;
}
