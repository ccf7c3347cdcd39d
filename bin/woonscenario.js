#!/usr/bin/env node
import { readdirSync, statSync } from "node:fs";
import module from "node:module";

// The command line runs as one built JavaScript file (build/cli/woonscenario.mjs, from
// `npm run build:cli`, which `npm ci`, `npm test` and `npm start` run), so it starts at once. When that
// file is missing or older than the sources (after a pull or an edit) it is built first; where esbuild
// is not installed, tsx compiles the TypeScript on the fly instead: slower to start, the same result.
const root = new URL("../", import.meta.url);
const built = new URL("build/cli/woonscenario.mjs", root);

/** The newest change to anything the built file is made of: the engine's sources and the dependencies. */
function newestSource() {
  let newest = statSync(new URL("package-lock.json", root), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const url = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
      if (entry.isDirectory()) walk(url);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(url).mtimeMs);
    }
  };
  try {
    walk(new URL("engine/", root));
  } catch {
    // Installed without its sources: the built file is all there is.
  }
  return newest;
}

const fresh = () => (statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? -1) >= newestSource();

// Piping into `head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

if (!fresh()) {
  try {
    const { buildCli } = await import("../scripts/build-cli.mjs");
    await buildCli();
  } catch {
    // No esbuild here: tsx below.
  }
}
// Node 22 and later keep the compiled code between starts; Node 20 has no such cache.
module.enableCompileCache?.();
let main;
if (fresh()) ({ main } = await import(built.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../engine/transport/cli.ts"));
}
process.exitCode = await main(process.argv.slice(2), undefined, undefined, {
  stderr: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
});
