import { getAtPath, parsePath } from "../kernel/paths";
import type { MetricLayout } from "../metrics";
import type { Scenario } from "../scenario";
import type { TargetDef } from "../targets";

/**
 * The agreement's commitments and monitoring items, and where each sits in the model: a target, a
 * metric, or a lever (a figure of the scenario a user can change); or, when it is not in the model, the
 * reason. Data of the scenario (`agreement.commitments`), so the method notebook can show an agreement's
 * coverage and a test can check every reference exists.
 */
export type Commitment = NonNullable<Scenario["agreement"]>["commitments"][number];

export interface CoverageRow {
  chapter: string;
  text: string;
  /** The Dutch labels of the targets and metrics it is modelled as, or the lever's path. */
  modelledAs: { ref: string; label: string }[];
  note?: string;
}

export interface Coverage {
  modelled: CoverageRow[];
  notModelled: CoverageRow[];
  /** References to a target or metric the model does not have, or an unmodelled item without a reason. */
  problems: { path: string; message: string }[];
}

export function coverage(
  commitments: readonly Commitment[],
  layout: Pick<MetricLayout, "defs" | "distributions">,
  targets: readonly Pick<TargetDef, "id" | "label">[],
  scenario: unknown,
): Coverage {
  const labels = new Map<string, string>([
    ...targets.map((t) => [`target:${t.id}`, t.label] as const),
    ...layout.defs.map((d) => [`metric:${d.id}`, d.label] as const),
    ...layout.distributions.map((d) => [`metric:${d.id}`, d.label] as const),
  ]);
  const out: Coverage = { modelled: [], notModelled: [], problems: [] };
  commitments.forEach((c, i) => {
    const modelledAs = c.modelledAs.map((ref, j) => {
      const lever = ref.startsWith("lever:") ? parsePath(ref.slice(6)) : undefined;
      const label = lever
        ? getAtPath(scenario, lever) === undefined
          ? undefined
          : `hefboom ${ref.slice(6)}`
        : labels.get(ref);
      if (label === undefined)
        out.problems.push({
          path: `agreement.commitments[${i}].modelledAs[${j}]`,
          message: `${ref} bestaat niet in het model`,
        });
      return { ref, label: label ?? ref };
    });
    const row: CoverageRow = { chapter: c.chapter, text: c.text, modelledAs };
    if (c.note) row.note = c.note;
    if (modelledAs.length > 0) out.modelled.push(row);
    else if (c.note) out.notModelled.push(row);
    else
      out.problems.push({
        path: `agreement.commitments[${i}]`,
        message: "niet in het model, maar zonder reden",
      });
  });
  return out;
}
