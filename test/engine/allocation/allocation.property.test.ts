import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rentCeilingBand } from "../../../engine/allocation/households";
import { INCOME_LOW, STATUSHOUDER, URGENT } from "../../../engine/allocation/vocabulary";
import { NO_VALUE } from "../../../engine/kernel/metric";
import { arbitraryAllocationScenario, type OneRun, runOne } from "../../helpers/allocation-fixtures";
import { parsed } from "../../helpers/scenarios";

/** Runs of random valid scenarios, each checked quarter by quarter and allocation by allocation. */
function check(property: (run: OneRun, scenario: ReturnType<typeof parsed>) => void, numRuns = 40): void {
  fc.assert(
    fc.property(arbitraryAllocationScenario, fc.integer({ min: 0, max: 1000 }), (input, run) => {
      const scenario = parsed(input);
      property(runOne(scenario, { run }), scenario);
    }),
    { numRuns },
  );
}

const sum = (xs: number[], upTo: number) => xs.slice(0, upTo + 1).reduce((s, x) => s + x, 0);

describe("allocation invariants over random valid scenarios", () => {
  it("the scenario generator produces valid scenarios", () => {
    fc.assert(
      fc.property(arbitraryAllocationScenario, (input) => void parsed(input)),
      { numRuns: 50 },
    );
  });

  it("keeps the list of social homes equal to the stock model's, kern by kern, every quarter", () => {
    check((run) => expect(run.listSocial).toEqual(run.stockSocial));
  });

  it("never lets one home hold two households, and every tenant lives in the home that names it", () => {
    check((run) => {
      for (const problem of run.occupancyProblems) throw new Error(problem);
    });
  });

  it("allocates no more homes in a year than fell vacant or stood vacant", () => {
    check((run) => {
      const allocated = run.metric("allocations.total");
      const vacancies = run.metric("vacancies.total");
      const removed = run.metric("vacancies.removed");
      const open = run.metric("vacancies.open");
      allocated.forEach((a, y) => {
        expect(a).toBeLessThanOrEqual(vacancies[y]);
        expect(vacancies[y]).toBe(a + removed[y] + open[y]);
      });
    });
  });

  it("obeys passend toewijzen in every allocation, unless the named exception for aandachtsgroepen applies", () => {
    check((run, scenario) => {
      const a = scenario.allocation!;
      const afterQuarters = Math.round(4 * (a.passendToewijzen.exceptionAfterYears as number));
      for (const x of run.allocations) {
        const passend = x.incomeClass !== INCOME_LOW || x.band <= rentCeilingBand(x.size);
        if (!a.passendToewijzen.active || passend) {
          expect(x.exception).toBe(false);
          continue;
        }
        expect(x.exception).toBe(true);
        expect([URGENT, STATUSHOUDER]).toContain(x.group);
        expect(x.quarter - x.registered).toBeGreaterThanOrEqual(afterQuarters);
      }
    });
  });

  it("keeps the free-allocation share of every year within its cap", () => {
    check((run, scenario) => {
      const cap = scenario.allocation!.freeAllocation.cap as number;
      for (const share of run.metric("share.vrije_toewijzing"))
        expect(share).toBeLessThanOrEqual(cap + 1e-12);
    });
  });

  it("conserves home-seekers: waiting at the start + registered = housed + housed elsewhere + left the queue + still waiting", () => {
    check((run) => {
      const registered = run.metric("households.registered");
      const housed = run.metric("allocations.total");
      const elsewhere = run.metric("households.housed_elsewhere");
      const left = run.metric("households.left_queue");
      const waiting = run.metric("queue.total");
      registered.forEach((_, y) => {
        expect(run.initialWaiting + sum(registered, y)).toBe(
          sum(housed, y) + sum(elsewhere, y) + sum(left, y) + waiting[y],
        );
      });
    });
  });

  it("leaves the stock model untouched: its metrics are the same with and without allocation", () => {
    check((run, scenario) => {
      const without = runOne({ ...scenario, allocation: undefined }, { run: run.runIndex });
      for (const def of without.prepared.layout.defs)
        expect(run.metric(def.id)).toEqual(without.metric(def.id));
    }, 15);
  });

  it("records a search time exactly in the years that house someone of the group, never negative", () => {
    check((run) => {
      for (const group of ["urgent", "statushouder", "doorstromer", "vrij", "regulier"]) {
        const allocations = run.metric(`allocations.${group}`);
        for (const id of [`search_time.${group}`, `search_time.${group}.p90`]) {
          run.metric(id).forEach((years, y) => {
            if (allocations[y] === 0) expect(years).toBe(NO_VALUE);
            else expect(years).toBeGreaterThanOrEqual(0);
          });
        }
      }
      for (const def of run.prepared.layout.defs) {
        if (!def.sparse) for (const x of run.metric(def.id)) expect(x).not.toBe(NO_VALUE);
      }
      // A household type has a search time in the municipality exactly when it has one in some kern.
      const kernen = run.prepared.layout.defs.filter((d) => d.id.startsWith("allocations.total@"));
      for (const type of ["starter", "gezin", "senior", "overig"]) {
        const byKern = kernen.map((d) => run.metric(`search_time.${type}@${d.kern}`));
        run.metric(`search_time.${type}`).forEach((whole, y) => {
          expect(whole !== NO_VALUE).toBe(byKern.some((k) => k[y] !== NO_VALUE));
        });
      }
    });
  });

  it("keeps every stock cell non-negative in every quarter", () => {
    check((run) => expect(run.minimumStockCell).toBeGreaterThanOrEqual(0));
  });
});
