import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runMonteCarlo } from "../engine/montecarlo";
import { parseScenarioText } from "../engine/parse";
import { prepare } from "../engine/simulate";

/**
 * Time the Monte Carlo of a scenario with and without the allocation microsimulation:
 * `npx tsx scripts/bench-allocation.ts [SCENARIO] [--runs N] [--repeat R]`. Reports wall-clock and CPU
 * time per run of the fastest repeat (the machine is shared; the fastest is the least disturbed).
 */

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "1000" }, repeat: { type: "string", default: "5" } },
});
const path = positionals[0] ?? new URL("../data/scenarios/basis.json", import.meta.url).pathname;
const parsed = parseScenarioText(readFileSync(path, "utf8"));
if (!parsed.ok)
  throw new Error(`${path}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
const scenario = parsed.value;
const runs = Number(values.runs);
const repeat = Number(values.repeat);

function time(label: string, s: typeof scenario): void {
  const p = prepare(s);
  let bestWall = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeat; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    runMonteCarlo(p.model, p.layout, p.targets, { seed: 1, runs });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    bestWall = Math.min(bestWall, wall);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  const us = (ms: number) => ((ms * 1000) / runs).toFixed(0);
  console.log(
    `${label}: ${runs} runs in ${bestWall.toFixed(0)} ms wall (${us(bestWall)} µs/run), ${bestCpu.toFixed(0)} ms cpu (${us(bestCpu)} µs/run)`,
  );
}

time("zonder toewijzing", { ...scenario, allocation: undefined });
time("met toewijzing", scenario);
