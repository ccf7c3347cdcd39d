// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { allocationScope, planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
import { observeScored, type Scored, withAllocationTargets } from "../../../web/client/allocation-targets";
import { type Compared, runComparison } from "../../../web/client/comparison";
import { createPool, type WorkerPool } from "../../../web/client/worker-pool";
import { scoreMatrix } from "../../../web/figures/raad";
import { councilReport, scoreMatrixTable } from "../../../web/pages/raad";
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

  it("follows the comparison in the same pool, as the council's page runs them: computing, a first look, then done", async () => {
    const log = newLog();
    const pool = createPool({ size: 2, spawn: fakeWorker(log) });
    const seen: Scored[] = [];
    const done = new Promise<Scored>((resolve) =>
      observeScored(
        pool,
        compared,
        options,
        50,
      )((scored) => {
        seen.push(scored);
        if (scored.allocation === "klaar" || scored.allocation === "mislukt") resolve(scored);
      }),
    );
    const scored = await done;
    pool.dispose();
    expect(seen.map((s) => [s.allocation, s.allocationRuns])).toEqual([
      ["rekent", undefined],
      ["voorlopig", 50],
      ["klaar", RUNS],
    ]);
    // The first look is the first 50 runs as Node computes them; the whole keeps them and adds the rest.
    const node = (scenario: Compared["scenario"], runs: number) => {
      const ran = simulate(allocationScope(scenario), { runs, seed: options.seed });
      return toSummaryJson(ran.prepared.shape, ran.meta, ran.summary).targets;
    };
    const target = (c: Compared) => c.summary.targets.find((t) => t.id === "vrije_toewijzing");
    expect(target(seen[1].compared[1])).toEqual(node(moreFree, 50).find((t) => t.id === "vrije_toewijzing"));
    expect(target(scored.compared[1])).toEqual(node(moreFree, RUNS).find((t) => t.id === "vrije_toewijzing"));
    expect(log.requests.reduce((n, r) => n + r.to - r.from, 0)).toBe(2 * RUNS);
    // The scorecard marks the first look's rows, and only those, until the whole is there.
    const marked = (s: Scored) =>
      [...scoreMatrixTable(s.compared, s).querySelectorAll("tr:has(.ws-preliminary)")].map(
        (tr) => (tr as HTMLElement).dataset.target,
      );
    expect(marked(seen[1])).toEqual(["vrije_toewijzing", "taakstelling_statushouders"]);
    expect(scoreMatrixTable(seen[1].compared, seen[1]).textContent).toContain("voorlopig, 50 runs");
    expect(marked(scored)).toEqual([]);
    // So does the print, under its warning.
    const print = councilReport(seen[1], [0, 1], []);
    expect(print.querySelectorAll("tr:has(.ws-preliminary)")).toHaveLength(2);
    expect(print.querySelector(".ws-report-missing")?.textContent).toMatch(
      /voorlopig, uit de eerste 50 runs/,
    );
  });

  it("skips the first look when it would be all the runs", async () => {
    const states: string[] = [];
    await new Promise<void>((resolve) =>
      observeScored(
        comparing,
        compared,
        options,
        RUNS,
      )((scored) => {
        states.push(scored.allocation);
        if (scored.allocation === "klaar") resolve();
      }),
    );
    expect(states).toEqual(["rekent", "klaar"]);
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
