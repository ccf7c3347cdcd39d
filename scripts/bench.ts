import { readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { runMonteCarlo } from "../engine/montecarlo";
import { parseScenario } from "../engine/parse";
import { prepare } from "../engine/simulate";
import { summarise } from "../engine/summary";

/**
 * `npm run bench`: runs per second of the Losser baseline on one core, for the simulation itself
 * (the Monte Carlo loop) and for the summary (quantiles) apart. The best of a few repeats is reported,
 * after a warm-up, because a shared machine only ever makes a run slower.
 */

const file = process.argv[2] ?? "data/scenarios/basis.json";
const parsed = parseScenario(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.ok) {
  console.error(parsed.problems);
  process.exit(1);
}
const prepared = prepare(parsed.value);
const { model, layout, targets } = prepared;

function best(repeats: number, task: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    task();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

runMonteCarlo(model, layout, targets, { seed: 1, runs: 2000 });
console.log(
  `woonscenario bench — ${parsed.value.name}; ${cpus()[0]?.model ?? "cpu"}; ${availableParallelism()} cores (this bench uses one)`,
);
console.log(
  `metrics ${layout.defs.length}, targets ${targets.length}, projects ${model.nProjects}, quarters ${model.cal.nQuarters}`,
);
for (const runs of [1_000, 10_000]) {
  let result = runMonteCarlo(model, layout, targets, { seed: 1, runs: 1 });
  const simulate = best(5, () => {
    result = runMonteCarlo(model, layout, targets, { seed: 1, runs });
  });
  const summary = best(3, () => summarise(result));
  const perRun = (simulate * 1000) / runs;
  console.log(
    `N=${runs.toLocaleString("en")}: simulate ${simulate.toFixed(1)} ms (${perRun.toFixed(1)} µs/run, ${Math.round((runs / simulate) * 1000).toLocaleString("en")} runs/s), summarise ${summary.toFixed(1)} ms, total ${(simulate + summary).toFixed(1)} ms`,
  );
}
