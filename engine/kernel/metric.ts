/**
 * What a run records: one value per metric per year. Ids are stable (files and notebooks use them);
 * per-kern metrics are `<id>@<kern>`. Each sub-model declares its metrics through an `AddMetric`, which
 * gives each its row in a run's record.
 */

export type MetricUnit =
  | "woningen"
  | "aandeel"
  | "inwoners"
  | "projecten"
  | "huishoudens"
  | "personen"
  | "jaren"
  | "euro";

export interface MetricDef {
  id: string;
  label: string;
  unit: MetricUnit;
  kern?: string;
  /**
   * A year can have no value (a search time in a year nobody in the group was housed): the run records
   * NO_VALUE, and the statistics are over the runs with a value, with their number beside them. Counting
   * such a year as 0 would read as "nobody waits" where nobody was housed.
   */
  sparse?: true;
}

/** What a run records for a sparse metric in a year without a value. Negative, so never a real value. */
export const NO_VALUE = -1;

/**
 * The names metric and target labels use, from the scenario: the municipality (its tenants, "huurders uit
 * …") and the housing corporations, whose stock, completions and sales are counted apart.
 */
export interface ModelNames {
  municipality: string;
  /** The corporations in the scenario's order; per-corporation metric ids are `<id>@<corporation id>`. */
  corporations: readonly { id: string; name: string }[];
  /** The corporations together as a label reads them: the one corporation's name, or "de corporaties". */
  corporation: string;
}

/** Declare a metric (per kern when `kern` is given) and get its row in a run's record. */
export type AddMetric = (
  id: string,
  label: string,
  unit: MetricUnit,
  kern?: string,
  sparse?: boolean,
) => number;
