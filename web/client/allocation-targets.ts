import { allocationScope, formatCount, summaryOf } from "../../engine/index";
import { h } from "../common/dom";
import type { Compared, ComparisonOptions } from "./comparison";
import type { PoolRuns, WorkerPool } from "./worker-pool";

/**
 * The agreement's allocation targets for the council: free allocation at most 15% and statushouders
 * housed to the taakstelling. They need the allocation microsimulation, some fifty times the building
 * plan's cost per run, so they come after the comparison's building plan, in the same worker pool, one
 * scenario after the other, with the same seed and runs.
 */

/** Runs of the allocation model for the first look at its targets: a few hundred ms for four scenarios. */
const FIRST_LOOK_RUNS = 100;

/**
 * Runs [from, to) of each compared scenario's allocation model (null for a scenario without one);
 * undefined when a newer request took the pool (the scorecard on screen is then already being replaced).
 */
async function allocationRuns(
  pool: WorkerPool,
  compared: readonly Compared[],
  options: ComparisonOptions,
  from: number,
  to: number,
  onProgress?: (done: number, total: number) => void,
  /** Each scenario's runs [0, from), to be joined before these (see PoolJob.before). */
  before: readonly (PoolRuns | null)[] = [],
): Promise<(PoolRuns | null)[] | undefined> {
  const ran: (PoolRuns | null)[] = [];
  for (const [i, c] of compared.entries()) {
    if (!c.scenario.allocation) {
      ran.push(null);
      continue;
    }
    const scenario = allocationScope(c.scenario);
    const outcome = await pool.run(
      { scenario, ...options, from, to, before: before[i] ?? undefined },
      (done, total) => onProgress?.(i * total + done, compared.length * total),
    );
    if (outcome.status === "cancelled") return undefined;
    if (outcome.status === "failed") throw outcome.error;
    ran.push(outcome);
  }
  return ran;
}

/** The targets the allocation model added to a comparison: those of a scenario's allocation scope, not of its building plan. */
export function preliminaryTargets(compared: readonly Compared[]): Set<string> {
  const ids = new Set<string>();
  for (const c of compared) for (const id of c.allocationTargets ?? []) ids.add(id);
  return ids;
}

/** The comparison with the targets of these allocation runs added after the building plan's. */
function withTargetsOf(
  compared: readonly Compared[],
  ran: readonly (PoolRuns | null)[],
  seed: number,
): Compared[] {
  return compared.map((c, i) => {
    const runs = ran[i];
    if (!runs) return c;
    const targets = summaryOf(runs.result, runs.shape, seed).targets;
    const known = new Set(c.summary.targets.map((t) => t.id));
    const added = targets.filter((t) => !known.has(t.id));
    return {
      ...c,
      summary: { ...c.summary, targets: [...c.summary.targets, ...added] },
      allocationTargets: added.map((t) => t.id),
    };
  });
}

/** The comparison with the allocation targets of all its runs added; undefined when a newer request took the pool. */
export async function withAllocationTargets(
  pool: WorkerPool,
  compared: readonly Compared[],
  options: ComparisonOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<Compared[] | undefined> {
  const ran = await allocationRuns(pool, compared, options, 0, options.runs, onProgress);
  return ran && withTargetsOf(compared, ran, options.seed);
}

/**
 * Where the allocation targets are: being computed, a first look from fewer runs, added, or failed (the
 * building plan's stay).
 */
export type AllocationTargetsState = "rekent" | "voorlopig" | "klaar" | "mislukt";

export interface Scored {
  compared: readonly Compared[];
  allocation: AllocationTargetsState;
  /** The runs per scenario the allocation targets rest on, when they are there. */
  allocationRuns?: number;
}

/**
 * For a notebook's `Generators.observe`: the comparison at once; then with the allocation targets of the
 * first `firstLook` runs; then with those of all runs. The rest of the runs is computed after the first
 * look's and joined to them (byte for byte one whole run), so the first look costs no extra run. A newer
 * comparison cancels the pool's work for this one, which then says no more.
 */
export function observeScored(
  pool: WorkerPool,
  compared: readonly Compared[],
  options: ComparisonOptions,
  firstLook = FIRST_LOOK_RUNS,
): (notify: (scored: Scored) => void) => void {
  return (notify) => {
    const needed = compared.some((c) => c.scenario.allocation);
    notify({ compared, allocation: needed ? "rekent" : "klaar" });
    if (!needed) return;
    const { runs, seed } = options;
    const look = firstLook > 0 && firstLook < runs ? firstLook : 0;
    const compute = async () => {
      const first = look > 0 ? await allocationRuns(pool, compared, options, 0, look) : [];
      if (!first) return;
      // The rest of each scenario's runs, joined after its first look's by the pool; asked for before the
      // first look is drawn, so the workers never wait on this thread.
      const pending = allocationRuns(pool, compared, options, look, runs, undefined, first);
      if (look > 0)
        notify({
          compared: withTargetsOf(compared, first, seed),
          allocation: "voorlopig",
          allocationRuns: look,
        });
      const whole = await pending;
      if (!whole) return;
      notify({ compared: withTargetsOf(compared, whole, seed), allocation: "klaar", allocationRuns: runs });
    };
    compute().catch(() => notify({ compared, allocation: "mislukt" }));
  };
}

/** A line above the scorecard while the allocation targets are computed, a first look, or when that failed. */
export function allocationNote(scored: Scored, runs: number): HTMLElement {
  const all = formatCount(runs);
  const text =
    scored.allocation === "rekent"
      ? `De doelen voor vrije toewijzing en statushouders worden nog berekend (het toewijzingsmodel, ${all} runs per scenario); ze verschijnen hieronder zodra ze klaar zijn.`
      : scored.allocation === "voorlopig"
        ? `Voorlopig: de uitkomsten voor vrije toewijzing en statushouders komen uit de eerste ${formatCount(scored.allocationRuns ?? 0)} runs per scenario; de overige ${formatCount(runs - (scored.allocationRuns ?? 0))} worden nog berekend.`
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
