import { rename, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/**
 * `npm run build:cli`: the command line as one JavaScript file, build/cli/woonscenario.mjs, so that
 * `npx woonscenario` starts without compiling TypeScript. `npm ci`/`npm install` (prepare), `npm test`
 * and `npm start` run it; bin/woonscenario.js runs it too when the file is missing or older than the
 * sources. The file is generated, not committed. It lies two folders deep, as engine/transport/cli.ts
 * does, so the paths it finds by import.meta.url (the baseline scenario) hold for both.
 */

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const OUTFILE = `${ROOT}build/cli/woonscenario.mjs`;

/** zod's translations of its own messages (a third of the bundle): the engine has its own, in Dutch. */
const noZodLocales = {
  name: "no-zod-locales",
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes("zod") ? { path: "zod-locales", namespace: "empty" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

export async function buildCli() {
  const { build } = await import("esbuild");
  // Built beside the result and renamed into place: a second build at the same time finds a whole file.
  const tmp = `${OUTFILE}.${process.pid}.tmp.mjs`;
  try {
    await build({
      entryPoints: [`${ROOT}engine/transport/cli.ts`],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      minify: true,
      outfile: tmp,
      plugins: [noZodLocales],
      logLevel: "warning",
    });
    await rename(tmp, OUTFILE);
  } finally {
    await rm(tmp, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
