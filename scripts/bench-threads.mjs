import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Part of `npm run bench`: `woonscenario run --threads T` with the whole model (allocation and
 * affordability), 2,000 runs, for T = 1, 2 and every core, as runs per second and per core, including
 * start-up and writing the files; then the page timings of scripts/bench-pages.ts, when it runs.
 */
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = 2000;
const cores = availableParallelism();
const dir = mkdtempSync(join(tmpdir(), "woonscenario-bench-threads-"));
console.log(`run --threads, hele model, ${RUNS} runs, ${cores} kernen, belasting ${loadavg()[0].toFixed(1)}`);
let one;
try {
  for (const t of [...new Set([1, 2, cores])]) {
    const start = performance.now();
    execFileSync(
      process.execPath,
      [
        `${ROOT}bin/woonscenario.js`,
        "run",
        "--runs",
        String(RUNS),
        "--threads",
        String(t),
        "--out",
        join(dir, String(t)),
        "--stil",
      ],
      { stdio: "ignore" },
    );
    const seconds = (performance.now() - start) / 1000;
    const perSecond = RUNS / seconds;
    one ??= perSecond;
    console.log(
      `  ${t} thread(s): ${seconds.toFixed(2)} s, ${perSecond.toFixed(0)} runs/s, ${(perSecond / t).toFixed(0)} per kern, versnelling ${(perSecond / one).toFixed(2)} (doel: ~${t})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
try {
  execFileSync(process.execPath, ["--import", "tsx", `${ROOT}scripts/bench-pages.ts`], { stdio: "inherit" });
} catch (error) {
  console.log(
    `scripts/bench-pages.ts liep niet: ${error instanceof Error ? error.message.split("\n")[0] : error}`,
  );
}
