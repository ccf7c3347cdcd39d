import type { MonteCarloResult, ResultShape } from "../../engine/index";
import type { Cell } from "../common/csv";

/** Column names of the per-run table, in the words of the notebooks. */
export const RUN_COLUMNS = ["run", "metriek (id)", "omschrijving", "eenheid", "jaar", "waarde"] as const;

/**
 * The values of every run behind a result, for analysts who want to compute their own statistics: one
 * row per run, metric and year. A search time in a year without an allocation has no value (empty cell),
 * as in the summary. The buffers are the workers' own, kept as they came (series-major: metric, year, run).
 */
export function runTable(result: MonteCarloResult, shape: ResultShape) {
  const index = new Map(shape.metrics.map((def, m) => [def.id, m]));
  const nYears = shape.years.length;
  return (ids: readonly string[]): Cell[][] => {
    const rows: Cell[][] = [[...RUN_COLUMNS]];
    for (const id of ids) {
      const m = index.get(id);
      if (m === undefined) continue;
      const def = shape.metrics[m];
      for (let run = 0; run < result.runs; run++)
        shape.years.forEach((year, y) => {
          const v = result.values[(m * nYears + y) * result.runs + run];
          rows.push([
            result.firstRun + run + 1,
            id,
            def.label,
            def.unit,
            year,
            def.sparse && v < 0 ? undefined : Number(v.toPrecision(7)),
          ]);
        });
    }
    return rows;
  };
}
