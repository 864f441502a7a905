import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { DEFAULT_STACK_PORTS, type StackPorts } from "../stack";

export interface LauncherOptions {
  dataDir: string;
  consolePort: number;
  /** Fixed ports, or "auto" for free ones (tests running beside a demo). */
  stackPorts: StackPorts | "auto";
  fresh: boolean;
  mode: "production" | "development" | "stack-only";
  traffic: boolean;
  demoPassword: string;
}

const port = z.coerce.number().int().min(1).max(65535);

const USAGE = `usage: npm run demo -- [options]
  --data-dir DIR        where the stack keeps its data (default .data)
  --port N              console port (default $PORT or 3000)
  --stack-ports auto    pick free ports for DynamoDB, S3, SageMaker, CloudWatch, functions instead of the defaults
  --fresh               delete the data directory first
  --dev                 serve the console with \`next dev\` instead of a production build
  --stack-only          start and seed the local stack without the console
  --no-traffic          do not run the live traffic simulator`;

/** Command-line flags and environment (PORT, DYNAMODB_PORT, ..., DEMO_PASSWORD) of the launcher. */
export function parseLauncherOptions(argv: string[], environment: NodeJS.ProcessEnv): LauncherOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      "data-dir": { type: "string", default: ".data" },
      port: { type: "string" },
      "stack-ports": { type: "string" },
      fresh: { type: "boolean", default: false },
      dev: { type: "boolean", default: false },
      "stack-only": { type: "boolean", default: false },
      "no-traffic": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const envPort = (name: string, fallback: number) => port.parse(environment[name] ?? fallback);
  const stackPorts: StackPorts | "auto" =
    values["stack-ports"] === "auto"
      ? "auto"
      : {
          dynamodb: envPort("DYNAMODB_PORT", DEFAULT_STACK_PORTS.dynamodb),
          s3: envPort("S3_PORT", DEFAULT_STACK_PORTS.s3),
          sagemaker: envPort("SAGEMAKER_PORT", DEFAULT_STACK_PORTS.sagemaker),
          cloudwatch: envPort("CLOUDWATCH_PORT", DEFAULT_STACK_PORTS.cloudwatch),
          functions: envPort("FUNCTIONS_PORT", DEFAULT_STACK_PORTS.functions),
        };
  return {
    dataDir: path.resolve(values["data-dir"]),
    consolePort: port.parse(values.port ?? environment.PORT ?? 3000),
    stackPorts,
    fresh: values.fresh,
    mode: values["stack-only"] ? "stack-only" : values.dev ? "development" : "production",
    traffic: !values["no-traffic"],
    demoPassword: environment.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  };
}
