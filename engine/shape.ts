import type { Model } from "./compile";
import type { DistributionDef } from "./kernel/distributions";
import type { MetricDef } from "./kernel/metric";
import type { MetricLayout } from "./metrics";
import type { StockModel } from "./stock/compile";
import type { TargetDef } from "./targets";

/**
 * What a summary needs to know of a prepared scenario, as plain data that crosses to and from a worker:
 * the years, the metrics and distributions in their rows, the targets without their checks, and the
 * projects for the completion spread. A page that gets chunks of runs from its workers builds the
 * summary from this and needs no compiled model of its own.
 */
export interface ResultShape {
  scenarioName: string;
  scenarioHash: string;
  years: number[];
  metrics: MetricDef[];
  distributions: DistributionDef[];
  targets: TargetInfo[];
  projects: CompletionShape;
}

/** A target as it is described: everything but the check, which only the engine runs. */
export type TargetInfo = Omit<TargetDef, "evaluate" | "met" | "value">;

/** What the completion spread of the projects reads (see ./stock/completions). */
export type CompletionShape = Pick<
  StockModel,
  "cal" | "opgaveDeadlineYear" | "projectIds" | "projectUnits" | "projectPlanned"
>;

export function shapeOf(
  model: Model,
  layout: MetricLayout,
  targets: readonly TargetDef[],
  scenarioName: string,
  scenarioHash: string,
): ResultShape {
  const { cal } = model;
  return {
    scenarioName,
    scenarioHash,
    years: Array.from({ length: cal.nYears }, (_, y) => cal.startYear + y),
    metrics: layout.defs,
    distributions: layout.distributions,
    targets: targets.map(({ evaluate: _, met: __, value: ___, ...info }) => info),
    projects: {
      cal,
      opgaveDeadlineYear: model.opgaveDeadlineYear,
      projectIds: model.projectIds,
      projectUnits: model.projectUnits,
      projectPlanned: model.projectPlanned,
    },
  };
}
