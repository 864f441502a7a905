/**
 * Creates a tenant of a test's own in the e2e stack and prints it as JSON (e2e/support/test-tenant.ts
 * runs this). A script rather than an import: lib/ needs the react-server condition, which the
 * Playwright runner does not have. Usage: create-test-tenant.ts <demo.json> '<TestTenantOptions JSON>'
 */
import { readFile } from "node:fs/promises";
import type { DemoFile } from "@/infra/local/launcher/demo-file";
import { applyLocalStackEnv } from "@/infra/local/stack-env";

const [demoFile, options] = process.argv.slice(2);
if (!demoFile || !options) {
  console.error("usage: create-test-tenant.ts <demo.json> '<options JSON>'");
  process.exit(2);
}
const demo = JSON.parse(await readFile(demoFile, "utf8")) as DemoFile;
applyLocalStackEnv(demo.stack);
// Imported once the environment points at the stack: lib/aws builds its clients from it.
const { createTestTenantRecords } = await import("@/test/support/test-tenant");
console.log(JSON.stringify(await createTestTenantRecords(JSON.parse(options) as Parameters<typeof createTestTenantRecords>[0])));
