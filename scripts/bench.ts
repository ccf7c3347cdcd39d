import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import {
  mergeResults,
  parseScenario,
  prepare,
  runMonteCarlo,
  type Scenario,
  summarise,
} from "../engine/index";

/**
 * `npm run bench [SCENARIO]`: the Losser baseline (or SCENARIO) timed four ways — the stock and
 * pipeline model alone on one core at N = 1,000 and 10,000; with the allocation microsimulation, and
 * with allocation and affordability, on one core at N = 1,000; and both of those on every core
 * (chunks of runs on worker threads, merged, as the browser's worker pool does) at N = 1,000. The
 * load average is printed too: on a busy machine every figure is slower than the model is. The simulation and the summary (quantiles) are timed apart;
 * each figure is the best of a few repeats after a warm-up, because a shared machine only ever makes
 * a run slower. The script is bundled by esbuild first so it times the engine as the browser runs it.
 */

function load(path: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return parsed.value;
}

interface Job {
  from: number;
  to: number;
  runs: number;
}

/** The model a bench line times: with allocation only, or the whole model. */
const scoped = (s: Scenario, affordability: boolean): Scenario =>
  affordability ? s : { ...s, affordability: undefined };

/**
 * Issue 14's aims for the simulation on one core: the stock and pipeline alone, and the whole model.
 * Declared before the top-level `await main()` below: declared after it, the bundle read them before they
 * were set, and no aim was ever printed.
 */
const AIM_STOCK_US = 20;
const AIM_WHOLE_US = 250;
/**
 * Repeats of each simulation, of which the fastest counts: five, because on the shared 2-core machine of
 * December 2026 (load 5–7) three still gave the same line 29 and 55 µs a run.
 */
const REPEATS = 5;

if (!isMainThread) {
  const prepared = prepare(scoped(load(workerData.path), workerData.affordability));
  parentPort?.on("message", ({ from, to, runs }: Job) => {
    const r = runMonteCarlo(prepared.model, prepared.layout, prepared.targets, { seed: 1, runs, from, to });
    parentPort?.postMessage(r, [r.values.buffer, r.met.buffer, r.targetValues.buffer] as ArrayBuffer[]);
  });
} else {
  await main();
}

function perSecond(runs: number, ms: number): string {
  return Math.round((runs * 1000) / ms).toLocaleString("nl-NL");
}

function best(repeats: number, task: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    task();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

async function main(): Promise<void> {
  const path = process.argv[2] ?? "data/scenarios/basis.json";
  const scenario = load(path);
  const cores = availableParallelism();
  console.log(
    `woonscenario bench — ${scenario.name}; ${cpus()[0]?.model ?? "cpu"}; ${cores} cores; load ${loadavg()[0].toFixed(1)}`,
  );
  // The stock and pipeline model at both sizes; the microsimulations (allocation, affordability) at 1,000.
  // Each with the aim of issue 14 for its simulation time per run on one core, where it has one.
  const variants: [string, Scenario, number[], number | undefined][] = [
    [
      "voorraad en pijplijn",
      { ...scenario, allocation: undefined, affordability: undefined },
      [1_000, 10_000],
      AIM_STOCK_US,
    ],
    ["met toewijzing", { ...scenario, affordability: undefined }, [1_000], undefined],
    ["met toewijzing en betaalbaarheid", scenario, [1_000], AIM_WHOLE_US],
  ];
  const perRun: string[] = [];
  for (const [label, s, sizes, aim] of variants) {
    if (label !== "voorraad en pijplijn" && !s.allocation) continue;
    const { model, layout, targets, shape } = prepare(s);
    runMonteCarlo(model, layout, targets, { seed: 1, runs: 200 });
    for (const runs of sizes) {
      let result = runMonteCarlo(model, layout, targets, { seed: 1, runs: 1 });
      const cpu0 = process.cpuUsage();
      const simulate = best(REPEATS, () => {
        result = runMonteCarlo(model, layout, targets, { seed: 1, runs });
      });
      const cpu = process.cpuUsage(cpu0);
      const summary = best(3, () => summarise(result, shape));
      const us = (simulate * 1000) / runs;
      console.log(
        `${label}, 1 processorkern, N=${runs.toLocaleString("nl-NL")}: simulatie ${simulate.toFixed(0)} ms (${us.toFixed(1)} µs/run, ${perSecond(runs, simulate)} runs/s; cpu ${((cpu.user + cpu.system) / (1000 * REPEATS)).toFixed(0)} ms per herhaling), samenvatting ${summary.toFixed(0)} ms, samen ${(simulate + summary).toFixed(0)} ms`,
      );
      if (runs === 1_000)
        perRun.push(
          `${label}: ${us.toFixed(1)} µs/run${aim ? ` (doel ≤ ${aim} µs: ${(us / aim).toFixed(1)}× het doel)` : ""}`,
        );
    }
  }
  console.log(
    `per run op 1 processorkern (N=1.000, load ${loadavg()[0].toFixed(1)}):\n  ${perRun.join("\n  ")}`,
  );
  if (cores > 1) {
    await parallel(path, cores, 1_000, false);
    await parallel(path, cores, 1_000, true);
  }
}

/** All cores: the runs split in one chunk per worker thread, merged in run order, then summarised. */
async function parallel(path: string, cores: number, runs: number, affordability: boolean): Promise<void> {
  const { shape } = prepare(scoped(load(path), affordability));
  const workers = Array.from(
    { length: cores },
    () => new Worker(new URL(import.meta.url), { workerData: { path, affordability } }),
  );
  const round = async () => {
    const t0 = performance.now();
    const parts = await Promise.all(
      workers.map(
        (w, i) =>
          new Promise<ReturnType<typeof runMonteCarlo>>((done) => {
            w.once("message", done);
            w.postMessage({
              from: Math.floor((i * runs) / cores),
              to: Math.floor(((i + 1) * runs) / cores),
              runs,
            });
          }),
      ),
    );
    summarise(mergeResults(parts), shape);
    return performance.now() - t0;
  };
  await round();
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) fastest = Math.min(fastest, await round());
  console.log(
    `${affordability ? "met toewijzing en betaalbaarheid" : "met toewijzing"}, ${cores} processorkernen (worker threads), N=${runs.toLocaleString("nl-NL")}: simulatie en samenvatting ${fastest.toFixed(0)} ms (${perSecond(runs, fastest)} runs/s)`,
  );
  for (const w of workers) await w.terminate();
}
