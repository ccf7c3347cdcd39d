import { describe, it } from "vitest";
import { runComparison } from "../../../web/client/comparison";
import { createPool } from "../../../web/client/worker-pool";
import { expectAllocationTargetsAsNode } from "../../helpers/allocation-targets";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { loadScenario } from "../../helpers/scenarios";

/** What allocation-targets.test.ts shows on small scenarios, for the baseline and a variant of it. */
describe("withAllocationTargets on the baseline", () => {
  it("adds the allocation targets of basis and meer-vrije-toewijzing as Node computes them at the same seed and runs", async () => {
    const options = { runs: 100, seed: 1 };
    const pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
    const compared = await runComparison(
      pool,
      [loadScenario("basis"), loadScenario("meer-vrije-toewijzing")],
      options,
    );
    pool.dispose();
    await expectAllocationTargetsAsNode(compared ?? [], options);
  });
});
