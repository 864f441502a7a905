// The import fence between layers (DESIGN.md "Layers"; README "Layout" says the same in prose).
//
// - lib/<domain> (all of lib/ but lib/http and lib/queries) must load in plain Node, in a Lambda or a
//   script: no next, react, react-dom, @tanstack, server-only, and no value import of next-auth (its
//   Session / JWT *types* are allowed: they are erased and load nothing). It never imports the glue
//   (lib/http, lib/queries), components/, app/ or infra/.
// - components/, lib/queries and app/'s error boundaries run in the browser: they import no server module. A server module is
//   lib/aws/**, lib/env.ts, lib/http/**, any lib/ file that imports @aws-sdk/*, node:*, server-only,
//   next/headers or next-auth's server entry, and every lib/ file that imports one of those (followed
//   through value imports, so the list below is computed from the sources, never kept by hand).
//   Type-only imports stay allowed: a component may name the shape a server function returns.
//
// `@typescript-eslint/no-restricted-imports` is ESLint's `no-restricted-imports` plus
// `allowTypeImports`, which is what lets a type cross a fence that a value may not.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RULE = "@typescript-eslint/no-restricted-imports";

/** Packages whose import makes a module server code; next-auth/react is the browser half of next-auth. */
function isServerSpecifier(specifier) {
  if (specifier.startsWith("@aws-sdk/") || specifier.startsWith("node:")) return true;
  if (specifier.startsWith("next-auth")) return specifier !== "next-auth/react";
  return ["server-only", "next/headers", "next/server"].includes(specifier);
}
const SERVER_DIRS = ["lib/aws/", "lib/http/"];
const SERVER_FILES = ["lib/env.ts"];

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:([^"';]*?)\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

/** An import whose every binding is a type (`import type {…}`, `import { type A, type B }`) loads nothing. */
function isTypeOnly(typeKeyword, clause) {
  if (typeKeyword) return true;
  const braces = clause?.trim().match(/^\{([^}]*)\}$/);
  if (!braces) return false;
  const names = braces[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith("type "));
}

function resolveLocal(fromFile, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

/** lib/ files that reach AWS, secrets or Node built-ins through value imports (see the header). */
export function serverModules() {
  const files = sourceFiles("lib");
  const edges = new Map();
  const server = new Set();
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const deps = [];
    let isServer = SERVER_FILES.includes(file) || SERVER_DIRS.some((d) => file.startsWith(d));
    for (const m of text.matchAll(IMPORT_RE)) {
      const specifier = m[3] ?? m[4];
      if (m[3] && isTypeOnly(m[1], m[2])) continue;
      if (isServerSpecifier(specifier)) isServer = true;
      const local = resolveLocal(file, specifier);
      if (local) deps.push(local);
    }
    edges.set(file, deps);
    if (isServer) server.add(file);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [file, deps] of edges) {
      if (!server.has(file) && deps.some((d) => server.has(d))) {
        server.add(file);
        changed = true;
      }
    }
  }
  return [...server].sort();
}

const typesOnly = (message) => ({ allowTypeImports: true, message });

/** For files that run in the browser: components/ and lib/queries/. */
function browserFence() {
  // lib/aws, lib/http and lib/env are fenced as a whole by the patterns below.
  const serverPaths = serverModules()
    .filter((file) => !SERVER_FILES.includes(file) && !SERVER_DIRS.some((d) => file.startsWith(d)))
    .map((file) => ({
      name: `@/${file.replace(/(\/index)?\.tsx?$/, "")}`,
      ...typesOnly(
        "This lib/ module reaches AWS, secrets or Node built-ins; browser code imports only its types (data comes through lib/queries).",
      ),
    }));
  return {
    paths: [
      { name: "server-only", message: "Browser code cannot import server-only modules." },
      { name: "next/headers", message: "Request headers and cookies are read on the server (app/, lib/http)." },
      { name: "next-auth", ...typesOnly("next-auth's server entry belongs to lib/http; the browser uses next-auth/react.") },
      ...serverPaths,
    ],
    patterns: [
      { group: ["@aws-sdk/*"], ...typesOnly("AWS SDK clients are built in lib/aws and used on the server only.") },
      { group: ["node:*"], message: "Node built-ins do not exist in the browser." },
      {
        group: ["@/lib/aws/*", "@/lib/db/*", "@/lib/http/*", "@/lib/env"],
        ...typesOnly("Server code (lib/aws, lib/db, lib/http, lib/env); browser code gets data through lib/queries."),
      },
      { group: ["@/app/*"], message: "app/ composes components, not the other way round." },
      { regex: "^\\.\\.?/(\\.\\./)*lib/", message: "Import lib/ through the @/lib alias so this fence can see it." },
    ],
  };
}

const DOMAIN_FENCE = {
  paths: [
    { name: "next", message: "Domain modules load in plain Node: Next glue lives in lib/http." },
    { name: "react", message: "Domain modules load in plain Node: React lives in components/ and lib/queries." },
    { name: "react-dom", message: "Domain modules load in plain Node: React lives in components/." },
    { name: "server-only", message: "Domain modules load in plain Node (Lambdas, scripts); server-only is for lib/http." },
    { name: "next-auth", ...typesOnly("Domain modules load in plain Node: next-auth's runtime belongs to lib/http (its types are fine).") },
  ],
  patterns: [
    { group: ["next/*"], message: "Domain modules load in plain Node: Next glue lives in lib/http." },
    {
      group: ["next-auth/*"],
      ...typesOnly("Domain modules load in plain Node: next-auth's runtime belongs to lib/http (its types are fine)."),
    },
    { group: ["react/*", "react-dom/*"], message: "Domain modules load in plain Node: React lives in components/ and lib/queries." },
    { group: ["@tanstack/*"], message: "Domain modules load in plain Node: React Query factories live in lib/queries." },
    { group: ["@/lib/http/*", "@/lib/queries/*"], message: "Domain modules never import the Next or React glue that wraps them." },
    { group: ["@/components/*", "@/app/*", "@/infra/*"], message: "lib/ is imported by app/, components/ and infra/, never the reverse." },
  ],
};

export function layerFences() {
  const browser = browserFence();
  return [
    {
      files: ["lib/**/*.{ts,tsx}"],
      ignores: ["lib/http/**", "lib/queries/**", "lib/**/*.test.{ts,tsx}"],
      rules: { [RULE]: ["error", DOMAIN_FENCE] },
    },
    {
      // Next's error boundaries must be client components and must live in app/.
      files: ["components/**/*.{ts,tsx}", "lib/queries/**/*.{ts,tsx}", "app/**/error.tsx", "app/**/global-error.tsx"],
      rules: { [RULE]: ["error", browser] },
    },
  ];
}
