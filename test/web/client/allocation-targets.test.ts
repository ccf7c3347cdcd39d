import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { allocationScope, planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import { observeScored, type Scored, withAllocationTargets } from "../../../web/client/allocation-targets";
import { type Compared, runComparison } from "../../../web/client/comparison";
import { createPool, type WorkerPool } from "../../../web/client/worker-pool";
import { scoreMatrix } from "../../../web/figures/raad";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { loadScenario } from "../../helpers/scenarios";

/**
 * The council compares the building plan in the worker pool; the agreement's allocation targets (free
 * allocation at most 15%, statushouders housed to the taakstelling) need the allocation model and come
 * after it from the same pool, added to the scorecard when they are ready.
 */
const RUNS = 200;
const basis = loadScenario("basis");
const vrij = loadScenario("meer-vrije-toewijzing");
const options = { runs: RUNS, seed: 1 };

describe("allocationScope", () => {
  it("keeps the allocation model and drops affordability; planningScope drops both", () => {
    expect(allocationScope(basis).allocation).toEqual(basis.allocation);
    expect(allocationScope(basis).affordability).toBeUndefined();
    expect(planningScope(basis).allocation).toBeUndefined();
  });
});

describe("withAllocationTargets", () => {
  let comparing: WorkerPool;
  let compared: Compared[];
  let plain: Compared[];
  beforeAll(async () => {
    comparing = createPool({ size: 2, spawn: fakeWorker(newLog()) });
    compared = (await runComparison(comparing, [basis, vrij], options)) ?? [];
    plain = (await runComparison(comparing, [planningScope(basis), basis], options)) ?? [];
  });
  afterAll(() => comparing.dispose());

  it("adds the allocation targets, as Node computes them at the same seed and runs, to each scenario", async () => {
    const pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
    const scored = await withAllocationTargets(pool, compared, options);
    expect(scored).toBeDefined();
    if (!scored) return;
    const ids = scoreMatrix(scored).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["vrije_toewijzing", "taakstelling_statushouders"]));
    // The building plan's targets are the ones computed before, first and unchanged.
    expect(ids.slice(0, compared[0].summary.targets.length)).toEqual(
      compared[0].summary.targets.map((t) => t.id),
    );
    scored.forEach((c, i) => {
      const node = simulate(allocationScope([basis, vrij][i]), options);
      const expected = toSummaryJson(node.prepared.shape, node.meta, node.summary).targets;
      for (const id of ["vrije_toewijzing", "taakstelling_statushouders"])
        expect(c.summary.targets.find((t) => t.id === id)).toEqual(expected.find((t) => t.id === id));
    });
    pool.dispose();
  });

  it("follows the comparison in the same pool, as the council's page runs them: computing, then done", async () => {
    const states: string[] = [];
    const done = new Promise<Scored>((resolve) =>
      observeScored(
        comparing,
        compared,
        options,
      )((scored) => {
        states.push(scored.allocation);
        if (scored.allocation !== "rekent") resolve(scored);
      }),
    );
    const scored = await done;
    expect(states).toEqual(["rekent", "klaar"]);
    expect(scored.compared[1].summary.targets.map((t) => t.id)).toContain("vrije_toewijzing");
  });

  it("gives nothing when a newer request cancels it, so a stale scorecard never replaces a newer one", async () => {
    const pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
    const first = withAllocationTargets(pool, compared, options);
    const second = withAllocationTargets(pool, compared.slice(0, 1), options);
    expect(await first).toBeUndefined();
    expect((await second)?.length).toBe(1);
    pool.dispose();
  });

  it("leaves a scenario without an allocation model as it was", async () => {
    const pool = createPool({ size: 1, spawn: fakeWorker(newLog()) });
    const scored = await withAllocationTargets(pool, plain, options);
    expect(scored?.[0]).toBe(plain[0]);
    const cells = scoreMatrix(scored ?? []).find((r) => r.id === "vrije_toewijzing")?.cells;
    expect(cells?.[0].probability).toBeUndefined();
    expect(cells?.[1].probability).toBeGreaterThanOrEqual(0);
    pool.dispose();
  });
});
