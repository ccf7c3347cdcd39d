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
