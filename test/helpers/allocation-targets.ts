import { expect } from "vitest";
import { toSummaryJson } from "../../engine/analysis/output";
import { allocationScope } from "../../engine/scope";
import { simulate } from "../../engine/simulate";
import { withAllocationTargets } from "../../web/client/allocation-targets";
import type { Compared, ComparisonOptions } from "../../web/client/comparison";
import { createPool } from "../../web/client/worker-pool";
import { scoreMatrix } from "../../web/figures/raad";
import { fakeWorker, newLog } from "./fake-worker";

const ALLOCATION_TARGETS = ["vrije_toewijzing", "taakstelling_statushouders"];

/**
 * The pool adds the allocation targets to every compared scenario after the building plan's, which
 * stay first and unchanged, each as Node's `simulate` computes it at the same seed and runs.
 */
export async function expectAllocationTargetsAsNode(
  compared: readonly Compared[],
  options: ComparisonOptions,
): Promise<void> {
  const pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
  const scored = await withAllocationTargets(pool, compared, options);
  pool.dispose();
  expect(scored).toBeDefined();
  if (!scored) return;
  const ids = scoreMatrix(scored).map((r) => r.id);
  expect(ids).toEqual(expect.arrayContaining(ALLOCATION_TARGETS));
  expect(ids.slice(0, compared[0].summary.targets.length)).toEqual(
    compared[0].summary.targets.map((t) => t.id),
  );
  scored.forEach((c, i) => {
    const node = simulate(allocationScope(compared[i].scenario), options);
    const expected = toSummaryJson(node.prepared.shape, node.meta, node.summary).targets;
    for (const id of ALLOCATION_TARGETS) {
      const target = c.summary.targets.find((t) => t.id === id);
      expect(target, `${c.label}: ${id}`).toBeDefined();
      expect(target, `${c.label}: ${id}`).toEqual(expected.find((t) => t.id === id));
    }
  });
}
