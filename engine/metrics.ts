import { type AffordabilityLayout, affordabilityLayout } from "./affordability/metrics";
import { type AllocationLayout, allocationLayout } from "./allocation/metrics";
import type { DistributionDef } from "./kernel/distributions";
import type { MetricDef, MetricUnit, ModelNames } from "./kernel/metric";
import type { Scenario } from "./scenario";
import { type StockLayout, stockLayout } from "./stock/metrics";

/**
 * The metrics of a run: the stock model's, and the allocation's and affordability's when the scenario
 * has those blocks. The layout gives each metric its row in a run's record (see ./kernel/metric).
 */
export interface MetricLayout extends StockLayout {
  defs: MetricDef[];
  /** Metrics recorded as distributions over units and runs (see ./kernel/distributions). */
  distributions: DistributionDef[];
  /** The allocation microsimulation's metrics, when the scenario has an allocation block. */
  allocation?: AllocationLayout;
  /** The affordability metrics, when the scenario has an affordability block. */
  affordability?: AffordabilityLayout;
}

/** The names in the labels, from the scenario: its municipality and its corporations. */
export function namesOf(scenario: Pick<Scenario, "municipality" | "corporations">): ModelNames {
  const corporations = scenario.corporations.map(({ id, name }) => ({ id, name }));
  return {
    municipality: scenario.municipality.name,
    corporations,
    corporation: corporations.length === 1 ? corporations[0].name : "de corporaties",
  };
}

/** The metric layout of a scenario: its kernen, its blocks and its names. */
export function scenarioLayout(
  scenario: Pick<Scenario, "municipality" | "corporations" | "kernen" | "allocation" | "affordability">,
): MetricLayout {
  return metricLayout(
    scenario.kernen.map((k) => k.id),
    {
      allocation: scenario.allocation !== undefined,
      affordability: scenario.affordability !== undefined,
      names: namesOf(scenario),
    },
  );
}

export function metricLayout(
  kernIds: readonly string[],
  options: { allocation?: boolean; affordability?: boolean; names: ModelNames },
): MetricLayout {
  const names = options.names;
  const defs: MetricDef[] = [];
  const add = (id: string, label: string, unit: MetricUnit, kern?: string, sparse?: boolean) => {
    const def: MetricDef =
      kern === undefined
        ? { id, label, unit }
        : { id: `${id}@${kern}`, label: `${label} (${kern})`, unit, kern };
    if (sparse) def.sparse = true;
    defs.push(def);
    return defs.length - 1;
  };
  const layout: MetricLayout = { defs, distributions: [], ...stockLayout(add, kernIds, names) };
  if (options.allocation) layout.allocation = allocationLayout(add, kernIds, names);
  if (options.allocation && options.affordability) {
    layout.affordability = affordabilityLayout(add, layout.distributions, names);
  }
  return layout;
}
