import path from "node:path";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as nodejs from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { REPO_ROOT } from "./console-service";

/**
 * The Lambda runtime of every function: the newest Node.js one (cdk-nag L1). The bundle targets
 * Node 20, the repository's toolchain, so it uses nothing newer than what the tests run on.
 */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

export interface LibFunctionProps {
  /** The handler module, relative to the repository root: a lib/ module exporting `handler` (the one the local functions host runs). */
  readonly entry: string;
  /** The exported function; @default "handler" */
  readonly handler?: string;
  readonly description: string;
  /** The console's settings the handler's lib/ code reads through lib/env.ts (table, buckets, namespace). */
  readonly environment: Record<string, string>;
  /** Log group encryption. */
  readonly opsKey: kms.IKey;
  /** @default 1 minute */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default unreserved */
  readonly reservedConcurrentExecutions?: number;
  /** A role shared with other functions of the same bundle; @default a role of its own */
  readonly role?: iam.Role;
}

/**
 * A Lambda whose code is a lib/ module, bundled at synth by the esbuild in node_modules (local
 * bundling: no Docker) with the repository's tsconfig (its `@/` paths) and the lock file's AWS SDK
 * bundled in (not the runtime's, whose version we do not pin). Its role starts empty: each use
 * grants exactly what its handler's SDK commands need (test/functions.test.ts compares).
 */
export class LibFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly entry: string;

  constructor(scope: Construct, id: string, props: LibFunctionProps) {
    super(scope, id);
    this.entry = props.entry;
    this.role =
      props.role ??
      new iam.Role(this, "Role", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"), description: props.description });
    const logGroup = new logs.LogGroup(this, "Logs", {
      retention: logs.RetentionDays.ONE_MONTH,
      encryptionKey: props.opsKey,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(this.role);
    this.function = new nodejs.NodejsFunction(this, "Function", {
      entry: path.join(REPO_ROOT, props.entry),
      handler: props.handler ?? "handler",
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(1),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, "package-lock.json"),
      environment: { ...props.environment, NODE_ENV: "production", NODE_OPTIONS: "--enable-source-maps" },
      bundling: {
        forceDockerBundling: false,
        format: nodejs.OutputFormat.CJS,
        target: "node20",
        tsconfig: path.join(REPO_ROOT, "tsconfig.json"),
        externalModules: [],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
      },
    });
  }
}
