import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer fence of eslint.config.mjs (eslint/layers.mjs), run through ESLint's API on fixture
 * sources linted as if they lived at the given paths. Typed rules are switched off for the fixtures
 * (they are not in the TypeScript project); the fence rule needs no types.
 */
const RULE = "@typescript-eslint/no-restricted-imports";
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, ".."), overrideConfig: tseslint.configs.disableTypeChecked });

async function fenceErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("the import fence", () => {
  it.each([
    ["next", 'import { NextResponse } from "next/server";\nexport const ok = () => NextResponse.json({});\n'],
    ["next (root)", 'import type { Metadata } from "next";\nexport const m: Metadata = {};\n'],
    ["react", 'import { useState } from "react";\nexport const useFlag = () => useState(false);\n'],
    ["@tanstack", 'import { queryOptions } from "@tanstack/react-query";\nexport const q = queryOptions({ queryKey: ["x"] });\n'],
    ["next-auth's runtime", 'import { getServerSession } from "next-auth";\nexport const s = getServerSession;\n'],
    ["server-only", 'import "server-only";\nexport const x = 1;\n'],
    ["the glue in lib/http", 'import { withRoute } from "@/lib/http/with-route";\nexport const w = withRoute;\n'],
  ])("rejects a domain module importing %s", async (_what, code) => {
    expect(await fenceErrors("lib/fence-fixture/uses-it.ts", code)).toHaveLength(1);
  });

  it("lets a domain module use next-auth's types and other domains", async () => {
    const code =
      'import type { Session } from "next-auth";\nimport { tenantPk } from "@/lib/db/keys";\nexport const f = (s: Session) => tenantPk(s.expires);\n';
    expect(await fenceErrors("lib/fence-fixture/types-only.ts", code)).toEqual([]);
  });

  it("lets the glue in lib/http import next", async () => {
    const code = 'import { NextResponse } from "next/server";\nexport const ok = () => NextResponse.json({});\n';
    expect(await fenceErrors("lib/http/fence-fixture.ts", code)).toEqual([]);
  });

  it.each([
    ["lib/aws", 'import { documentClient } from "@/lib/aws/clients";\nexport const d = documentClient;\n'],
    ["lib/db", 'import { tenantPk } from "@/lib/db/keys";\nexport const k = tenantPk;\n'],
    ["lib/http", 'import { requireSession } from "@/lib/http/require-session";\nexport const r = requireSession;\n'],
    ["a domain module that reaches AWS", 'import { getTenant } from "@/lib/tenants/get-tenant";\nexport const g = getTenant;\n'],
    ["the AWS SDK", 'import { GetCommand } from "@aws-sdk/lib-dynamodb";\nexport const c = GetCommand;\n'],
    ["lib/ by a relative path", 'import { getTenant } from "../../lib/tenants/get-tenant";\nexport const g = getTenant;\n'],
  ])("rejects a component importing %s", async (_what, code) => {
    expect(await fenceErrors("components/fence-fixture/widget.tsx", code)).toHaveLength(1);
  });

  it("lets a component import shared schemas, lib/queries and the types of server functions", async () => {
    const code = [
      'import { tenantSettingsSchema } from "@/lib/settings/tenant-settings";',
      'import { settingsQueryOptions } from "@/lib/queries/settings";',
      'import type { VersionedSettings } from "@/lib/settings/get-settings";',
      "export const parts = [tenantSettingsSchema, settingsQueryOptions] as const;",
      "export type V = VersionedSettings;",
      "",
    ].join("\n");
    expect(await fenceErrors("components/fence-fixture/widget.tsx", code)).toEqual([]);
  });

  it("keeps lib/queries, which runs in the browser, away from server modules", async () => {
    const code = 'import { getSettings } from "@/lib/settings/get-settings";\nexport const g = getSettings;\n';
    expect(await fenceErrors("lib/queries/fence-fixture.ts", code)).toHaveLength(1);
  });
});
