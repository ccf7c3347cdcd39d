import type { Scenario } from "./scenario";

/**
 * The building plan's part of a scenario: stock and pipeline, without the microsimulations of
 * allocation and affordability. The planners' notebook runs this part, so that moving a slider
 * redraws within a quarter of a second; the allocation model costs some forty times as much per run.
 */
export function planningScope(scenario: Scenario): Scenario {
  const { allocation: _, affordability: __, ...planning } = scenario;
  return planning;
}

/**
 * The building plan and the allocation of social rent, without affordability: what the allocation
 * targets (free allocation, taakstelling) need, at a quarter less cost per run than the whole model.
 */
export function allocationScope(scenario: Scenario): Scenario {
  const { affordability: _, ...withAllocation } = scenario;
  return withAllocation;
}
