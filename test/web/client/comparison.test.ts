import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { targetTornados, tornado } from "../../../engine/analysis/sensitivity";
import { planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import { sampleCompletions, summariseCompletions } from "../../../engine/stock/completions";
import {
  type Compared,
  differenceRows,
  runComparison,
  TORNADO_TARGETS,
  tornadoFor,
  unlessReplaced,
} from "../../../web/client/comparison";
import { createPool, type WorkerPool } from "../../../web/client/worker-pool";
import { builtinScenario } from "../../../web/scenario/builtin";
import { fakeWorker, newLog } from "../../helpers/fake-worker";

/**
 * The council's comparison runs in the worker pool, as the planners' notebook does; what it shows is
 * what Node's `simulate` gives at the same seed and runs, byte for byte.
 */
const options = { runs: 200, seed: 1 };
const [basis, vertraging] = ["basis", "vertraging"].map(builtinScenario);

let pool: WorkerPool;
let compared: Compared[];
beforeAll(async () => {
  pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
  compared = (await runComparison(pool, [basis, vertraging, basis], options)) ?? [];
});
afterAll(() => pool.dispose());

describe("runComparison", () => {
  it("runs every scenario with the same seed and runs, and makes names unique", () => {
    expect(compared.map((c) => c.label)).toEqual(["Basis Losser", "Vertraging", "Basis Losser (2)"]);
    expect(compared.map((c) => [c.summary.meta.seed, c.summary.meta.runs])).toEqual([
      [1, 200],
      [1, 200],
      [1, 200],
    ]);
  });

  it("gives the summary, the runs and the projects' spread of Node's simulate of the building plan", () => {
    for (const [i, s] of [basis, vertraging].entries()) {
      const node = simulate(planningScope(s), options);
      expect(compared[i].summary).toEqual(toSummaryJson(node.prepared.shape, node.meta, node.summary));
      expect(compared[i].result.values).toEqual(node.result.values);
      const { model } = node.prepared;
      expect(compared[i].spread).toEqual(
        summariseCompletions(model, sampleCompletions(model, options.seed, 0, options.runs)),
      );
    }
  });

  it("gives nothing when a newer request takes the pool; unlessReplaced then never settles", async () => {
    const other = createPool({ size: 1, spawn: fakeWorker(newLog()) });
    const first = runComparison(other, [basis], { runs: 100, seed: 1 });
    const second = runComparison(other, [vertraging], { runs: 100, seed: 1 });
    expect(await first).toBeUndefined();
    expect((await second)?.map((c) => c.label)).toEqual(["Vertraging"]);
    const never = unlessReplaced(Promise.resolve(undefined));
    const settled = await Promise.race([
      never.then(() => "settled"),
      new Promise((r) => setTimeout(r, 20, "open")),
    ]);
    expect(settled).toBe("open");
    other.dispose();
  });
});

describe("differenceRows", () => {
  it("of a scenario with itself is exactly zero in every year and statistic", () => {
    for (const row of differenceRows(compared[0], compared[2], "opgave.realised")) {
      const { year: _, ...values } = row;
      expect(Object.values(values).every((v) => v === 0)).toBe(true);
    }
  });

  it("of vertraging against basis realises fewer homes by the opgave's year at the median", () => {
    const rows = differenceRows(compared[0], compared[1], "opgave.realised");
    expect(rows.find((r) => r.year === basis.opgave.deadlineYear)!.p50).toBeLessThan(0);
  });
});

describe("tornadoFor", () => {
  it("reads each outcome as its target does, in its year, and ranks as Node's tornado does", async () => {
    const small = { runs: 50, seed: 1 };
    // The analysis worker's function, in this thread (the worker passes the call on to it).
    const worker = {
      tornado: async (...[s, targets, o]: Parameters<typeof targetTornados>) => targetTornados(s, targets, o),
    };
    const tornados = (await tornadoFor(worker, basis, small)) ?? [];
    const planning = simulate(planningScope(basis), { runs: 1, seed: 1 }).prepared.targets;
    expect(tornados.map((t) => t.outcome)).toMatchObject(
      TORNADO_TARGETS.map((target) => {
        const t = planning.find((x) => x.id === target)!;
        return { metric: t.metric, year: t.deadlineYear };
      }),
    );
    // The opgave in its own year, the social share at the end of the agreement: no year written here.
    expect(tornados[1].outcome.year).toBe(basis.opgave.deadlineYear);
    expect(tornados[0].outcome.year).toBe(basis.agreement?.untilYear);
    for (const t of tornados) {
      const node = tornado(planningScope(basis), t.outcome, small);
      expect({ base: t.base, bars: t.bars }).toEqual(node);
      const swings = t.bars.map((b) => b.swing);
      expect(swings).toEqual([...swings].sort((a, b) => b - a));
    }
  });
});
