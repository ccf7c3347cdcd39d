import { allocationScope, summaryOf } from "../../engine/index";
import { h } from "../common/dom";
import type { Compared, ComparisonOptions } from "./comparison";
import type { WorkerPool } from "./worker-pool";

/**
 * The agreement's allocation targets for the council: free allocation at most 15% and statushouders
 * housed to the taakstelling. They need the allocation microsimulation, some forty times the building
 * plan's cost per run, so they come after the comparison's building plan, in the same worker pool, one
 * scenario after the other, with the same seed and runs. The result is the comparison
 * with those targets added after the building plan's; undefined when a newer request took the pool
 * (the scorecard on screen is then already being replaced).
 */
export async function withAllocationTargets(
  pool: WorkerPool,
  compared: readonly Compared[],
  options: ComparisonOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<Compared[] | undefined> {
  const scored: Compared[] = [];
  for (const [i, c] of compared.entries()) {
    if (!c.scenario.allocation) {
      scored.push(c);
      continue;
    }
    const scenario = allocationScope(c.scenario);
    const outcome = await pool.run({ scenario, ...options }, (done, total) =>
      onProgress?.(i * total + done, compared.length * total),
    );
    if (outcome.status === "cancelled") return undefined;
    if (outcome.status === "failed") throw outcome.error;
    const targets = summaryOf(outcome.result, outcome.shape, options.seed).targets;
    const known = new Set(c.summary.targets.map((t) => t.id));
    scored.push({
      ...c,
      summary: { ...c.summary, targets: [...c.summary.targets, ...targets.filter((t) => !known.has(t.id))] },
    });
  }
  return scored;
}

/** Where the allocation targets are: being computed, added, or failed (the building plan's stay). */
export type AllocationTargetsState = "rekent" | "klaar" | "mislukt";

export interface Scored {
  compared: readonly Compared[];
  allocation: AllocationTargetsState;
}

/**
 * For a notebook's `Generators.observe`: the comparison at once, then again with the allocation targets
 * when the pool has them. A newer comparison cancels the pool's work for this one, which then says no more.
 */
export function observeScored(
  pool: WorkerPool,
  compared: readonly Compared[],
  options: ComparisonOptions,
): (notify: (scored: Scored) => void) => void {
  return (notify) => {
    const needed = compared.some((c) => c.scenario.allocation);
    notify({ compared, allocation: needed ? "rekent" : "klaar" });
    if (!needed) return;
    withAllocationTargets(pool, compared, options).then(
      (scored) => {
        if (scored) notify({ compared: scored, allocation: "klaar" });
      },
      () => notify({ compared, allocation: "mislukt" }),
    );
  };
}

/** A line above the scorecard while the allocation targets are computed, or when that failed. */
export function allocationNote(scored: Scored, runs: number): HTMLElement {
  const text =
    scored.allocation === "rekent"
      ? `De doelen voor vrije toewijzing en statushouders worden nog berekend (het toewijzingsmodel, ${runs.toLocaleString("nl-NL")} runs per scenario); ze verschijnen hieronder zodra ze klaar zijn.`
      : scored.allocation === "mislukt"
        ? "De doelen voor vrije toewijzing en statushouders konden niet worden berekend; de doelen voor de bouw staan er wel."
        : "";
  return h(
    "p",
    {
      class: `ws-message ws-message--${scored.allocation === "mislukt" ? "fout" : "info"}`,
      role: "status",
      hidden: text === "",
      dataset: { allocation: scored.allocation },
    },
    text,
  );
}
