import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocationScope, planningScope } from "../../../engine/scope";
import { observeScored, type Scored, withAllocationTargets } from "../../../web/client/allocation-targets";
import { type Compared, runComparison } from "../../../web/client/comparison";
import { createPool, type WorkerPool } from "../../../web/client/worker-pool";
import { scoreMatrix } from "../../../web/figures/raad";
import { expectAllocationTargetsAsNode } from "../../helpers/allocation-targets";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

/**
 * The council compares the building plan in the worker pool; the agreement's allocation targets (free
 * allocation at most 15%, statushouders housed to the taakstelling) need the allocation model and come
 * after it from the same pool, added to the scorecard when they are ready. Small scenarios here;
 * allocation-targets.slow.test.ts does the same for the baseline and meer-vrije-toewijzing.
 */
const RUNS = 200;
const small = parsed(smallScenario());
const moreFreeInput = smallScenario();
moreFreeInput.name = "Klein, meer vrije toewijzing";
const moreFree = parsed({
  ...moreFreeInput,
  allocation: { ...moreFreeInput.allocation!, freeAllocation: { cap: 0.15, share: 0.15 } },
});
const options = { runs: RUNS, seed: 1 };

describe("allocationScope", () => {
  it("keeps the allocation model and drops affordability; planningScope drops both", () => {
    expect(allocationScope(small).allocation).toEqual(small.allocation);
    expect(allocationScope(small).affordability).toBeUndefined();
    expect(planningScope(small).allocation).toBeUndefined();
  });
});

describe("withAllocationTargets", () => {
  let comparing: WorkerPool;
  let compared: Compared[];
  let plain: Compared[];
  beforeAll(async () => {
    comparing = createPool({ size: 2, spawn: fakeWorker(newLog()) });
    compared = (await runComparison(comparing, [small, moreFree], options)) ?? [];
    plain = (await runComparison(comparing, [planningScope(small), small], options)) ?? [];
  });
  afterAll(() => comparing.dispose());

  it("adds the allocation targets, as Node computes them at the same seed and runs, to each scenario", async () => {
    await expectAllocationTargetsAsNode(compared, options);
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
