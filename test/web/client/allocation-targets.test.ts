import { describe, expect, it } from "vitest";
import { allocationScope, planningScope } from "../../../engine/scope";
import { withAllocationTargets } from "../../../web/client/allocation-targets";
import { runComparison, scoreMatrix } from "../../../web/client/comparison";
import { createPool } from "../../../web/client/worker-pool";
import { expectAllocationTargetsAsNode } from "../../helpers/allocation-targets";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

/**
 * The council compares the building plan on the main thread; the agreement's allocation targets (free
 * allocation at most 15%, statushouders housed to the taakstelling) need the allocation model and come
 * from the worker pool, added to the scorecard when they are ready. Small scenarios here;
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
  const compared = runComparison([small, moreFree], options);

  it("adds the allocation targets, as Node computes them at the same seed and runs, to each scenario", async () => {
    await expectAllocationTargetsAsNode(compared, options);
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
    const plain = runComparison([planningScope(small), small], options);
    const scored = await withAllocationTargets(pool, plain, options);
    expect(scored?.[0]).toBe(plain[0]);
    const cells = scoreMatrix(scored ?? []).find((r) => r.id === "vrije_toewijzing")?.cells;
    expect(cells?.[0].probability).toBeUndefined();
    expect(cells?.[1].probability).toBeGreaterThanOrEqual(0);
    pool.dispose();
  });
});
