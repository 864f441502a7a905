/**
 * The environment that points the console, the emulators and scripts at a local stack. This is the
 * whole difference between the local stack and AWS: the SDK's standard variables, nothing else.
 */
export interface StackUrls {
  dynamodb: string;
  s3: string;
  sagemaker: string;
  cloudwatch: string;
  /** The functions host (Lambda's Invoke API): infra/local/functions. */
  functions: string;
}

/** s3rver knows exactly one key pair; dynalite and our emulators accept any signature. */
export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } as const;

export function localStackEnv(urls: StackUrls): Record<string, string> {
  return {
    AWS_REGION: "us-east-1",
    ...LOCAL_CREDENTIALS,
    AWS_ENDPOINT_URL_DYNAMODB: urls.dynamodb,
    AWS_ENDPOINT_URL_S3: urls.s3,
    AWS_ENDPOINT_URL_SAGEMAKER: urls.sagemaker,
    // Control plane and runtime share one emulator port, as they share one service signing name.
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: urls.sagemaker,
    AWS_ENDPOINT_URL_CLOUDWATCH: urls.cloudwatch,
    // CloudWatch Logs is served by the CloudWatch emulator's process and port (its README says why).
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: urls.cloudwatch,
    // Our Lambda handlers run in the functions host; alarm actions invoke them there.
    AWS_ENDPOINT_URL_LAMBDA: urls.functions,
    S3_FORCE_PATH_STYLE: "true",
    // Silence the SDK's notice that releases after January 2027 need Node 22; the lock file pins ours.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Applies the stack's environment to this process (tests, in-process scripts). */
export function applyLocalStackEnv(urls: StackUrls): void {
  Object.assign(process.env, localStackEnv(urls));
}
