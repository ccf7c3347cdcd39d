import { type AffordabilityModel, compileAffordability } from "./affordability/compile";
import { compileAllocation } from "./allocation/compile";
import type { AllocationModel } from "./allocation/model";
import { calendar } from "./kernel/time";
import type { Scenario } from "./scenario";
import { compileStock, type StockModel } from "./stock/compile";

/**
 * A scenario compiled once for running: the stock and pipeline model, and on it the allocation
 * microsimulation and the affordability model when the scenario has their blocks. Each sub-model
 * compiles its own part; this only puts them together.
 */
export interface Model extends StockModel {
  /** The allocation microsimulation, when the scenario has an allocation block. */
  allocation?: AllocationModel;
  /** Rents and housing costs on the allocation model's homes, when the scenario has both blocks. */
  affordability?: AffordabilityModel;
}

export function compile(scenario: Scenario): Model {
  const cal = calendar(scenario.simulation.start, scenario.simulation.endYear);
  const model: Model = compileStock(scenario, cal);
  if (scenario.allocation) model.allocation = compileAllocation(scenario.allocation, model, scenario.economy);
  if (scenario.affordability && model.allocation && scenario.economy) {
    model.affordability = compileAffordability(
      scenario.affordability,
      model.allocation,
      cal,
      scenario.economy,
    );
  }
  return model;
}
