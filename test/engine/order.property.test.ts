import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toSummaryJson } from "../../engine/analysis/output";
import type { Scenario } from "../../engine/scenario";
import { planningScope } from "../../engine/scope";
import { simulate } from "../../engine/simulate";
import { loadScenario } from "../helpers/scenarios";

/**
 * Two scenarios differ only where their assumptions differ: the order in which a file lists its
 * projects, stock rows, shocks or kernen is no assumption, so it changes no number. Compared per
 * metric id and per target (the summary lists per-kern metrics in the file's kern order).
 */

const basis = loadScenario("basis");

function numbers(scenario: Scenario, runs = 500) {
  const sim = simulate(scenario, { runs, seed: 7 });
  const json = toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);
  const metrics = Object.fromEntries(Object.entries(json.metrics).sort(([a], [b]) => (a < b ? -1 : 1)));
  const targets = [...json.targets].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { metrics, targets };
}

const permuted = <T>(items: readonly T[], keys: readonly number[]) =>
  items
    .map((item, i) => ({ item, key: keys[i % keys.length] * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

describe("the order of the lists in a scenario file", () => {
  const planned = planningScope(basis);
  const reference = numbers(planned);

  it("changes no number of the stock and pipeline model, whatever the order of projects, stock rows, shocks and kernen", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (keys, backwards) => {
          const order = <T>(items: readonly T[]) =>
            backwards ? [...permuted(items, keys)].reverse() : permuted(items, keys);
          const shuffled: Scenario = {
            ...planned,
            projects: order(planned.projects),
            stock: order(planned.stock),
            kernen: order(planned.kernen),
            pipeline: { ...planned.pipeline, shocks: order(planned.pipeline.shocks) },
          };
          expect(numbers(shuffled)).toEqual(reference);
        },
      ),
      { numRuns: 12, examples: [[[0], true]] },
    );
  });

  it("changes no number of the whole model (allocation and affordability too), whatever the order of kernen, projects, stock rows and shocks", () => {
    const whole = numbers(basis, 30);
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (keys, backwards) => {
          const order = <T>(items: readonly T[]) =>
            backwards ? [...permuted(items, keys)].reverse() : permuted(items, keys);
          const shuffled: Scenario = {
            ...basis,
            projects: order(basis.projects),
            stock: order(basis.stock),
            kernen: order(basis.kernen),
            pipeline: { ...basis.pipeline, shocks: order(basis.pipeline.shocks) },
          };
          expect(numbers(shuffled, 30)).toEqual(whole);
        },
      ),
      { numRuns: 5, examples: [[[0], true]] },
    );
  });

  it("changes no number of the whole model (allocation and affordability too) when the projects are listed backwards", () => {
    const backwards: Scenario = { ...basis, projects: [...basis.projects].reverse() };
    expect(numbers(backwards, 100)).toEqual(numbers(basis, 100));
  });
});
