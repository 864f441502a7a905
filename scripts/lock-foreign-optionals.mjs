#!/usr/bin/env node
/**
 * Adds lock-file entries for platform-specific optional packages that the registry mirror of our
 * machines does not serve (e.g. @next/swc-darwin-arm64): without them npm 11 writes no entry, and
 * `npm ci` then refuses the lock ("Missing: <pkg>@ from lock file"; npm/cli#9342, #9343). Each entry
 * carries the package's os/cpu (read from its name), so npm skips it on this platform and never
 * fetches it; on a platform that needs it, npm fetches it by name and version like any other.
 * Run after any `npm install` that changes the lock: `node scripts/lock-foreign-optionals.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "openharmony", "netbsd", "openbsd", "sunos", "win32", "aix", "wasi"];
const CPU = {
  arm64: "arm64",
  x64: "x64",
  ia32: "ia32",
  arm: "arm",
  riscv64: "riscv64",
  s390x: "s390x",
  ppc64: "ppc64",
  loong64: "loong64",
  wasm32: "wasm32",
  mips64el: "mips64el",
};

/** os, cpu and libc from a name such as `@next/swc-linux-x64-musl` or `@esbuild/win32-ia32`. */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc =
    parts.includes("musl") || parts.includes("musleabihf")
      ? "musl"
      : parts.includes("gnu") || parts.includes("gnueabihf")
        ? "glibc"
        : undefined;
  if (parts.includes("wasm32") || parts.includes("wasi")) return { cpu: ["wasm32"] };
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && { libc: [libc] }) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === "" ? "node_modules/" : `${path}/node_modules/`;
    if (packages[`${base}${dep}`] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform package: leave it to npm
    packages[`node_modules/${dep}`] = { version, ...(entry.dev && { dev: true }), optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} lock entries for platform packages`);
