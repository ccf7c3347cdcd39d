import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { runMonteCarlo } from "../engine/montecarlo";
import { parseScenarioText } from "../engine/parse";
import type { Scenario } from "../engine/scenario";
import { prepare } from "../engine/simulate";

/**
 * Time the Monte Carlo of a scenario with and without the allocation microsimulation:
 * `npx tsx scripts/bench-allocation.ts [SCENARIO] [--runs N] [--repeat R] [--workers W]`. Reports
 * wall-clock and CPU time per run of the fastest repeat (the machine is shared; the fastest is the least
 * disturbed). With `--workers W` the runs are also split into W chunks on worker threads, as a worker
 * pool would (chunks of runs give the same numbers as one pass).
 */

function load(path: string): Scenario {
  const parsed = parseScenarioText(readFileSync(path, "utf8"));
  if (!parsed.ok)
    throw new Error(`${path}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return parsed.value;
}

if (!isMainThread) {
  // A worker: prepare once, then run the chunk it is sent, as often as it is sent.
  const { path, runs } = workerData as { path: string; runs: number };
  const p = prepare(load(path));
  parentPort?.on("message", ({ from, to }: { from: number; to: number }) => {
    runMonteCarlo(p.model, p.layout, p.targets, { seed: 1, runs, from, to });
    parentPort?.postMessage("klaar");
  });
} else {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: "string", default: "1000" },
      repeat: { type: "string", default: "5" },
      workers: { type: "string", default: "0" },
    },
  });
  const path = positionals[0] ?? new URL("../data/scenarios/basis.json", import.meta.url).pathname;
  const scenario = load(path);
  const runs = Number(values.runs);
  const repeat = Number(values.repeat);
  const us = (ms: number) => ((ms * 1000) / runs).toFixed(0);

  const time = (label: string, s: Scenario) => {
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
    console.log(
      `${label}: ${runs} runs in ${bestWall.toFixed(0)} ms wall (${us(bestWall)} µs/run), ${bestCpu.toFixed(0)} ms cpu (${us(bestCpu)} µs/run)`,
    );
  };
  time("zonder toewijzing", { ...scenario, allocation: undefined });
  time("met toewijzing", scenario);

  const nWorkers = Number(values.workers);
  if (nWorkers > 0) {
    const workers = Array.from(
      { length: nWorkers },
      () =>
        // A worker starts as plain JavaScript: register tsx, then load this file as the worker's body.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
          { eval: true, workerData: { path, runs } },
        ),
    );
    const round = () =>
      Promise.all(
        workers.map(
          (w, i) =>
            new Promise((done) => {
              w.once("message", done);
              w.postMessage({
                from: Math.floor((i * runs) / nWorkers),
                to: Math.floor(((i + 1) * runs) / nWorkers),
              });
            }),
        ),
      );
    await round(); // warm-up: each worker compiles the scenario and warms its JIT
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      await round();
      best = Math.min(best, performance.now() - t0);
    }
    console.log(
      `met toewijzing, ${nWorkers} workers: ${runs} runs in ${best.toFixed(0)} ms wall (${us(best)} µs/run)`,
    );
    for (const w of workers) await w.terminate();
  }
}
