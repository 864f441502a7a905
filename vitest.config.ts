import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Only the Next glue in lib/http imports "server-only" (domain modules load in plain Node, see
// lib/load-in-node.test.ts); its default export throws outside React Server Components, where Next
// resolves it with the "react-server" condition. The glue's unit tests resolve it to the empty module.
const alias = { "@": root, "server-only": `${root}node_modules/server-only/empty.js` };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,app,components,infra}/**/*.test.{ts,tsx}", "proxy.test.ts"],
          exclude: ["**/node_modules/**", "infra/aws/cdk.out/**"],
          environment: "node",
          testTimeout: 60_000,
          // No retries: a test that passes only on a second try is a bug in the test or the product.
          retry: 0,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // test/fidelity: SDK-level checks of the emulators against AWS's documents, on the same stack.
          include: ["test/integration/**/*.test.ts", "test/fidelity/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/integration/global-setup.ts"],
          setupFiles: ["test/integration/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          retry: 0,
          // One local stack serves every file; files run in parallel against it.
          fileParallelism: true,
        },
      },
    ],
  },
});
