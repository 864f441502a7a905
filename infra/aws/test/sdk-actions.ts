import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { REPO_ROOT } from "../constructs/console-service";

const SERVICE_OF_MODULE: Record<string, string> = {
  "@aws-sdk/client-sagemaker": "sagemaker",
  "@aws-sdk/client-sagemaker-runtime": "sagemaker",
  "@aws-sdk/client-cloudwatch": "cloudwatch",
  "@aws-sdk/client-cloudwatch-logs": "logs",
  "@aws-sdk/client-dynamodb": "dynamodb",
  "@aws-sdk/lib-dynamodb": "dynamodb",
  "@aws-sdk/client-s3": "s3",
};

/** Document-client and S3 commands whose IAM action has another name. */
const RENAMED: Record<string, string> = {
  "dynamodb:Get": "dynamodb:GetItem",
  "dynamodb:Put": "dynamodb:PutItem",
  "dynamodb:Update": "dynamodb:UpdateItem",
  "dynamodb:Delete": "dynamodb:DeleteItem",
  "dynamodb:BatchGet": "dynamodb:BatchGetItem",
  "dynamodb:BatchWrite": "dynamodb:BatchWriteItem",
  "s3:HeadBucket": "s3:ListBucket",
  "s3:ListObjectsV2": "s3:ListBucket",
  "s3:HeadObject": "s3:GetObject",
  // CopyObject is authorised as s3:PutObject on the target (and s3:GetObject on the source, which its callers read anyway).
  "s3:CopyObject": "s3:PutObject",
};

/**
 * The AWS SDK commands the given source files import, in IAM's action names. A client this map
 * does not know is an error, so a new service cannot slip past the comparison.
 */
export function sdkActionsOf(files: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const [, names, module] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
      if (!module!.startsWith("@aws-sdk/")) continue;
      const prefix = SERVICE_OF_MODULE[module!];
      if (!prefix) throw new Error(`${file}: ${module} is not mapped to an IAM service in test/sdk-actions.ts`);
      for (const raw of names!.split(",")) {
        const name = raw.trim();
        const command = /^([A-Z]\w*)Command$/.exec(name)?.[1];
        if (!command || name.startsWith("type ")) continue;
        const action = `${prefix}:${command}`;
        used.add(RENAMED[action] ?? action);
      }
    }
  }
  return used;
}

/**
 * The repository's source files a Lambda's bundle holds: esbuild's own list of inputs for the
 * entry (the bundler the CDK uses, with the same tsconfig), packages left out. Type-only imports
 * are not inputs, as they are not in the bundle.
 */
export async function bundleInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: "node",
    format: "cjs",
    packages: "external",
    tsconfig: path.join(REPO_ROOT, "tsconfig.json"),
    write: false,
    metafile: true,
    logLevel: "error",
  });
  return Object.keys(result.metafile.inputs).map((file) => path.join(REPO_ROOT, file));
}
