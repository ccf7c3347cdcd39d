import type { SummaryJson } from "../../engine/index";

/** The villages the summary reports on, in the scenario's order, read from the per-kern metric ids. */
export function kernenOf(summary: SummaryJson): string[] {
  const kernen: string[] = [];
  for (const info of Object.values(summary.metricInfo)) {
    if (info.kern !== undefined && !kernen.includes(info.kern)) kernen.push(info.kern);
  }
  return kernen;
}
