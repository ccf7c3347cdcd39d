import { readFileSync } from "node:fs";
import { runMonteCarlo } from "../engine/montecarlo";
import { parseScenario } from "../engine/parse";
import { prepare } from "../engine/simulate";

const parsed = parseScenario(JSON.parse(readFileSync("data/scenarios/basis.json", "utf8")));
if (!parsed.ok) throw 1;
const { model, layout, targets } = prepare(parsed.value);
for (let i = 0; i < 8; i++) {
  const t = performance.now();
  const c0 = process.cpuUsage();
  runMonteCarlo(model, layout, targets, { seed: 1, runs: 1000 });
  const c = process.cpuUsage(c0);
  console.log(
    `wall ${(performance.now() - t).toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`,
  );
}
