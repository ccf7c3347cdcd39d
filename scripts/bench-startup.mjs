import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench` (first line): the command line's start-up, the time from starting
 * `node bin/woonscenario.js validate data/scenarios/basis.json` to its first line on stdout, the median
 * of several starts after one that builds the command line if it is out of date; and the processor time
 * the process had used by then (user + system, from scripts/startup-probe.cjs), which a busy machine
 * does not inflate as it does the wall time. The load average is printed beside them.
 */

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TIMES = Number(process.argv[2] ?? 9);

function firstLine() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const args = [
      "--require",
      "./scripts/startup-probe.cjs",
      "bin/woonscenario.js",
      "validate",
      "data/scenarios/basis.json",
    ];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit", "pipe"] });
    let at;
    let cpu = "";
    child.stdout.once("data", () => {
      at = performance.now() - t0;
    });
    child.stdio[3].on("data", (chunk) => {
      cpu += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 && at !== undefined
        ? resolve({ wall: at, cpu: Number(cpu) })
        : reject(new Error(`exit ${code}`)),
    );
  });
}

await firstLine();
const times = [];
for (let i = 0; i < TIMES; i++) times.push(await firstLine());
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const wall = times.map((t) => t.wall);
console.log(
  `opstarten (validate basis.json tot de eerste regel): mediaan ${ms(median(wall))}, snelste ${ms(Math.min(...wall))}; processortijd mediaan ${ms(median(times.map((t) => t.cpu)))} (${TIMES} keer; belasting ${loadavg()[0].toFixed(1)})`,
);
