import { beforeAll, describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { targetTornados, tornado } from "../../../engine/analysis/sensitivity";
import { planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import { sampleCompletions, summariseCompletions } from "../../../engine/stock/completions";
import {
  type Compared,
  comparisons,
  councilScope,
  differenceRows,
  runComparison,
  TORNADO_TARGETS,
  tornadoFor,
  unlessReplaced,
} from "../../../web/client/comparison";
import { createPool } from "../../../web/client/worker-pool";
import { BUILTIN_IDS, builtinScenario } from "../../../web/scenario/builtin";
import { basis, compareBasisVertraging, vertraging } from "../../helpers/council";
import { fakeWorker, newLog } from "../../helpers/fake-worker";

/**
 * The council's comparison runs in the worker pool, as the planners' notebook does; what it shows is
 * what Node's `simulate` gives at the same seed and runs, byte for byte. Slow: the shipped scenarios with
 * their allocation model, as the council computes them.
 */
const options = { runs: 200, seed: 1 };

let compared: Compared[];
beforeAll(async () => {
  compared = await compareBasisVertraging(options);
});

describe("runComparison", () => {
  it("runs every scenario with the same seed and runs, and makes names unique", () => {
    expect(compared.map((c) => c.label)).toEqual(["Basis Losser", "Vertraging", "Basis Losser (2)"]);
    expect(compared.map((c) => [c.summary.meta.seed, c.summary.meta.runs])).toEqual([
      [1, 200],
      [1, 200],
      [1, 200],
    ]);
  });

  it("gives the summary, the runs and the projects' spread of Node's simulate of the council's scope", () => {
    for (const [i, s] of [basis, vertraging].entries()) {
      const node = simulate(councilScope(s), options);
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

describe("councilScope", () => {
  it("keeps the allocation model and drops affordability; a scenario without allocation is its building plan", () => {
    expect(basis.allocation).toBeDefined();
    expect(councilScope(basis).allocation).toEqual(basis.allocation);
    expect(councilScope(basis).affordability).toBeUndefined();
    const plain = planningScope(basis);
    expect(councilScope(plain)).toEqual(plain);
  });

  it("gives the building plan's metrics and targets bit for bit as the building plan alone does, in every shipped scenario", () => {
    const runs = { runs: 30, seed: 2 };
    for (const id of BUILTIN_IDS) {
      const s = builtinScenario(id);
      const plan = simulate(planningScope(s), runs);
      const both = simulate(councilScope(s), runs);
      // The council's scope adds the allocation targets; the building plan's are compared below.
      expect(both.prepared.shape.targets.length, id).toBeGreaterThan(plan.prepared.shape.targets.length);
      const per = plan.result.nYears * runs.runs;
      const row = (r: typeof plan, kind: "metrics" | "targets", id: string, a: Float32Array | Uint8Array) => {
        const i = r.prepared.shape[kind].findIndex((x) => x.id === id);
        return a.subarray(i * per, (i + 1) * per);
      };
      for (const { id } of plan.prepared.shape.metrics)
        expect(row(both, "metrics", id, both.result.values), id).toEqual(
          row(plan, "metrics", id, plan.result.values),
        );
      for (const { id } of plan.prepared.shape.targets) {
        expect(row(both, "targets", id, both.result.met), id).toEqual(
          row(plan, "targets", id, plan.result.met),
        );
        expect(row(both, "targets", id, both.result.targetValues), id).toEqual(
          row(plan, "targets", id, plan.result.targetValues),
        );
      }
    }
  });
});

describe("comparisons", () => {
  const small = { runs: 120, seed: 3 };
  const targetsOf = (s: typeof basis, runs: number) => {
    const node = simulate(councilScope(s), { runs, seed: small.seed });
    return toSummaryJson(node.prepared.shape, node.meta, node.summary).targets;
  };

  it("gives a first look from the first runs, then all runs joined to them, each as Node computes it", async () => {
    const log = newLog();
    const own = createPool({ size: 2, spawn: fakeWorker(log) });
    const seen = [];
    for await (const scored of comparisons(own, [basis, vertraging], small, 50)) seen.push(scored);
    own.dispose();
    expect(seen.map((s) => [s.state, s.runs, s.compared[1].summary.meta.runs])).toEqual([
      ["voorlopig", 50, 50],
      ["klaar", 120, 120],
    ]);
    expect(seen[0].compared[1].summary.targets).toEqual(targetsOf(vertraging, 50));
    expect(seen[1].compared[1].summary.targets).toEqual(targetsOf(vertraging, 120));
    expect(seen[1].compared[0].summary.targets.map((t) => t.id)).toContain("vrije_toewijzing");
    // No run is computed twice.
    expect(log.requests.reduce((n, r) => n + r.to - r.from, 0)).toBe(2 * small.runs);
  });

  it("keeps the first look, said to be one, when the rest fails", async () => {
    let calls = 0;
    // The worker fails every chunk after the first look's one (and its retry).
    const own = createPool({ size: 2, spawn: fakeWorker(newLog(), () => ++calls > 1) });
    const seen = [];
    for await (const scored of comparisons(own, [vertraging], small, 50)) seen.push(scored);
    own.dispose();
    expect(seen.map((s) => s.state)).toEqual(["voorlopig", "mislukt"]);
    expect(seen[1].compared).toBe(seen[0].compared);
    expect(seen[1].problem).toMatch(/werker gestorven/);
  });

  it("skips the first look when it would be all the runs, and stops when a newer comparison takes the pool", async () => {
    const own = createPool({ size: 1, spawn: fakeWorker(newLog()) });
    const whole = [];
    for await (const scored of comparisons(own, [vertraging], small, small.runs)) whole.push(scored.state);
    expect(whole).toEqual(["klaar"]);
    const old = comparisons(own, [basis], small, 50);
    expect((await old.next()).value?.state).toBe("voorlopig");
    const rest = old.next();
    const newer = comparisons(own, [vertraging], small, 50);
    expect((await newer.next()).value?.state).toBe("voorlopig");
    expect((await rest).done).toBe(true);
    own.dispose();
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
