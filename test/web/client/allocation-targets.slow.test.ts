import { describe, it } from "vitest";
import { runComparison } from "../../../web/client/comparison";
import { expectAllocationTargetsAsNode } from "../../helpers/allocation-targets";
import { loadScenario } from "../../helpers/scenarios";

/** What allocation-targets.test.ts shows on small scenarios, for the baseline and a variant of it. */
describe("withAllocationTargets on the baseline", () => {
  it("adds the allocation targets of basis and meer-vrije-toewijzing as Node computes them at the same seed and runs", async () => {
    const options = { runs: 100, seed: 1 };
    const compared = runComparison([loadScenario("basis"), loadScenario("meer-vrije-toewijzing")], options);
    await expectAllocationTargetsAsNode(compared, options);
  });
});
