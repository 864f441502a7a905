import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalStack } from "@/infra/local/stack";
import type { StackUrls } from "@/infra/local/stack-env";
import type { DemoSeed } from "@/infra/local/seed/seed-demo";

declare module "vitest" {
  export interface ProvidedContext {
    stackUrls: StackUrls;
    demo: DemoSeed;
  }
}

/**
 * One throwaway local stack (real dynalite, s3rver and our emulators on free ports) for the whole
 * integration run, bootstrapped and seeded exactly as `npm run demo` does. Test files reach it with
 * the real SDK clients; test/integration/setup-env.ts points lib/aws at it in each worker.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "fraud-console-it-"));
  const stack = await startLocalStack({ dataDir, transitionMs: 200 });
  const { bootstrapResources } = await import("@/infra/local/bootstrap");
  const { seedDemo } = await import("@/infra/local/seed/seed-demo");
  await bootstrapResources();
  const demo = await seedDemo({ password: "it-password" });
  project.provide("stackUrls", stack.urls);
  project.provide("demo", demo);
  return async () => {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
