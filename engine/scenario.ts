import { affordabilitySchema, checkAffordability } from "./affordability/schema";
import { allocationSchema, checkAllocation } from "./allocation/schema";
import { PIPELINE_STATUSES } from "./kernel/domain";
import { economySchema } from "./kernel/economy";
import { figure, provenance } from "./kernel/figure";
import { type Loose, list, num, obj } from "./kernel/loose";
import { z } from "./kernel/zod";
import { checkCorporations, ownerCheck } from "./stock/owners";
import { checkProgress, progressSchema } from "./stock/progress";
import { count, id, LIMITS, month, probability, stockFields, year } from "./stock/schema";

/**
 * The scenario schema: the single source of truth for scenario files. Types are inferred from it;
 * the JSON Schema in data/ is generated from it; cross-field rules (known kernen, years inside the
 * simulated period) live in `checkReferences` at the bottom.
 */

export const SCHEMA_VERSION = 3;

/** The most runs one simulation may have: the file's `simulation.runs` and the command line's `--runs` alike. */
export const MAX_RUNS = 100_000;

const windowTarget = z
  .object({ fromYear: year, untilYear: year, homes: figure(count), ...provenance })
  .strict();

const kernBand = z
  .object({ kern: id, min: figure(probability), max: figure(probability), ...provenance })
  .strict();

/**
 * A reference the baseline should reproduce: a metric in a year, the reference with its source and
 * date, and a tolerance (see analysis/calibration). The rows are data, so another municipality brings
 * its own references.
 */
const calibrationRowSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    metric: z.string().min(1),
    year: z.number().int().min(1900).max(2100),
    reference: z.object({ value: z.number(), date: z.string().min(1), ...provenance }).strict(),
    tolerance: z.object({ min: z.number(), max: z.number() }).strict(),
    ...provenance,
  })
  .strict();

/**
 * One of the agreement's commitments or monitoring items, and where it sits in the model: a target, a
 * metric, or a lever (a figure of the scenario a user can change); or, when it is not in the model, the
 * reason (see analysis/coverage).
 */
const commitmentSchema = z
  .object({
    /** The agreement's chapter or section, as its readers cite it ("H1", "Inleiding"). */
    chapter: z.string().min(1),
    /** The commitment in the agreement's words, shortened. */
    text: z.string().min(1),
    /** Where it sits: `target:<id>`, `metric:<id>` or `lever:<figure path>`. */
    modelledAs: z.array(z.string().regex(/^(target|metric|lever):.+$/)).default([]),
    /** Why it is not in the model, or how the model reads it. */
    note: z.string().optional(),
  })
  .strict();

const scenarioShape = z
  .object({
    /** Lets editors find the JSON Schema; ignored by the engine. */
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `schemaVersion moet ${SCHEMA_VERSION} zijn` }),
    name: z.string().min(1),
    description: z.string().optional(),
    municipality: stockFields.municipality,
    /**
     * The agreement the scenario tests: its name and the period it runs. Its targets are read in its last
     * year (the 1,225 homes, key projects and additions have years of their own). Without it, targets are
     * read in the last simulated year.
     */
    agreement: z
      .object({
        name: z.string().min(1),
        fromYear: year,
        untilYear: year,
        /** What the agreement commits to and monitors, and where each sits in the model (or why not). */
        commitments: z.array(commitmentSchema).default([]),
        ...provenance,
      })
      .strict()
      .optional(),
    /** Price level and the indices (wages, prices) that carry euro amounts over the years. */
    economy: economySchema.optional(),
    corporations: stockFields.corporations,
    /**
     * The tenants' organisation that is party to the agreement, by name: the notebooks address it. Only
     * words; without it the texts say "de huurdersorganisatie".
     */
    tenantsOrganisation: z
      .object({ name: z.string().min(1) })
      .strict()
      .optional(),
    kernen: stockFields.kernen,
    stock: stockFields.stock,
    opgave: stockFields.opgave,
    projects: stockFields.projects,
    pipeline: stockFields.pipeline,
    policy: stockFields.policy,
    targets: z
      .object({
        socialShareNewBuild: figure(probability),
        affordableShareNewBuild: figure(probability),
        sleutelprojecten: z.array(windowTarget),
        /** Social homes each corporation adds (completes) in a window the agreement names. */
        socialAdditions: z.array(windowTarget.extend({ corporation: id })),
        socialShareByKern: z.array(kernBand).default([]),
        inhabitants: figure(z.number().positive()),
        /** The year the growth should be reached; without one, the scorecard asks in which year it is reached. */
        inhabitantsYear: year.optional(),
        ...provenance,
      })
      .strict(),
    /**
     * The references the baseline should reproduce (official statistics, the agreement), each with a
     * tolerance: `woonscenario calibrate` and the method notebook set the run beside them.
     */
    calibration: z.array(calibrationRowSchema).optional(),
    /** The allocation microsimulation of social rent; without it the stock model runs alone. */
    allocation: allocationSchema.optional(),
    /** Rents, incomes, huurtoeslag, energy and payment risk of social tenants; needs `allocation`. */
    affordability: affordabilitySchema.optional(),
    /**
     * A progress report: what happened up to its peildatum. A run then starts from the state at the
     * peildatum; without one, from the scenario's start.
     */
    progress: progressSchema.optional(),
    simulation: z
      .object({
        start: month,
        endYear: year,
        runs: z.number().int().min(1).max(MAX_RUNS),
        seed: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioShape>;
export type Scenario = z.output<typeof scenarioShape>;
export type { Project } from "./stock/schema";
export { projectSchema } from "./stock/schema";

function startYearOf(scenario: Pick<Scenario, "simulation">): number {
  return Number(scenario.simulation.start.slice(0, 4));
}

export type Path = (string | number)[];
export interface ReferenceIssue {
  path: Path;
  message: string;
}

/**
 * Rules that span fields: every kern named must be declared, every year must fall in the simulated
 * period, distributions must be ordered. They read the raw input defensively, so a file with a type
 * error elsewhere still hears about its unknown kern in the same pass: one round of corrections, not several.
 */
export function checkReferences(input: unknown): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });
  const root = obj(input);
  const kernen = new Set(
    list(root.kernen)
      .map((k) => k.id)
      .filter((k): k is string => typeof k === "string"),
  );
  const simulation = obj(root.simulation);
  const first = typeof simulation.start === "string" ? Number(simulation.start.slice(0, 4)) : undefined;
  const last = num(simulation.endYear);
  const unknownKern = (value: unknown, path: Path) => {
    if (typeof value === "string" && kernen.size > 0 && !kernen.has(value)) {
      // A long value (a pasted paragraph) is shortened, so the message stays readable.
      const shown =
        value.length > 60 ? `${value.slice(0, 40)}… (${value.length.toLocaleString("nl-NL")} tekens)` : value;
      add(path, `onbekende kern "${shown}"; bekende kernen: ${[...kernen].join(", ")}`);
    }
  };
  const outsidePeriod = (value: unknown, path: Path) => {
    const y = num(value);
    if (y === undefined || first === undefined || last === undefined) return;
    if (y < first || y > last) add(path, `jaar ${y} ligt buiten de simulatieperiode ${first}–${last}`);
  };
  const duplicates = (items: Loose[], path: string, what: string) => {
    const seen = new Set<unknown>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([path, i, "id"], `${what} "${String(item.id)}" staat er dubbel in`);
      seen.add(item.id);
    });
  };
  const ordered = (from: unknown, until: unknown, path: Path, names: [string, string]) => {
    const a = num(from);
    const b = num(until);
    if (a !== undefined && b !== undefined && b < a) add(path, `${names[1]} ligt voor ${names[0]}`);
  };

  if (typeof simulation.start === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(simulation.start)) {
    // The model steps in quarters; a run starts at the first month of one.
    if ((Number(simulation.start.slice(5, 7)) - 1) % 3 !== 0) {
      add(["simulation", "start"], "moet de eerste maand van een kwartaal zijn (01, 04, 07 of 10)");
    }
  }
  if (first !== undefined && last !== undefined && last < first) {
    add(["simulation", "endYear"], `eindjaar ${last} ligt voor het startjaar ${first}`);
  }
  forbiddenKeys(input, [], add);
  if (first !== undefined && last !== undefined && last - first >= LIMITS.periodYears) {
    add(
      ["simulation", "endYear"],
      `een simulatie van ${first} tot en met ${last} is langer dan ${LIMITS.periodYears} jaar; het model rekent een woonvisie, geen eeuw`,
    );
  }
  duplicates(list(root.kernen), "kernen", "kern");
  checkCorporations(root, kernen, add);
  const owner = ownerCheck(root, add);
  list(root.stock).forEach((s, i) => {
    unknownKern(s.kern, ["stock", i, "kern"]);
    owner.any(s.owner, ["stock", i, "owner"]);
  });
  const projects = list(root.projects);
  duplicates(projects, "projects", "project-id");
  projects.forEach((p, i) => {
    unknownKern(p.kern, ["projects", i, "kern"]);
    owner.any(p.owner, ["projects", i, "owner"]);
    owner.corporation(p.buyer, ["projects", i, "buyer"]);
    if (typeof p.plannedCompletion === "string" && /^\d{4}-/.test(p.plannedCompletion)) {
      const planned = Number(p.plannedCompletion.slice(0, 4));
      // A realised project may lie in the past; every other plan must fall inside the simulated period.
      if (p.status === "gerealiseerd") {
        if (last !== undefined && planned > last)
          add(["projects", i, "plannedCompletion"], `jaar ${planned} ligt na ${last}`);
      } else {
        outsidePeriod(planned, ["projects", i, "plannedCompletion"]);
      }
    }
  });
  const policy = obj(root.policy);
  for (const key of ["demolitions", "splittings"]) {
    list(policy[key]).forEach((d, i) => {
      unknownKern(d.kern, ["policy", key, i, "kern"]);
      owner.any(d.owner, ["policy", key, i, "owner"]);
      outsidePeriod(d.year, ["policy", key, i, "year"]);
    });
  }
  for (const key of ["sales", "acquisitions"]) {
    for (const y of Object.keys(obj(obj(policy[key]).byYear)))
      outsidePeriod(Number(y), ["policy", key, "byYear", y]);
    list(root.corporations).forEach((c, i) => {
      for (const y of Object.keys(obj(obj(c[key]).byYear)))
        outsidePeriod(Number(y), ["corporations", i, key, "byYear", y]);
    });
  }
  const pipeline = obj(root.pipeline);
  const distributions: [unknown, Path][] = [];
  const statuses = obj(pipeline.statuses);
  for (const status of PIPELINE_STATUSES) {
    const a = obj(statuses[status]);
    distributions.push([a.delayMonths, ["pipeline", "statuses", status, "delayMonths"]]);
    distributions.push([obj(a.objection).months, ["pipeline", "statuses", status, "objection", "months"]]);
  }
  list(pipeline.levers).forEach((l, i) => {
    if (Array.isArray(l.owners))
      l.owners.forEach((o: unknown, j: number) => {
        owner.any(o, ["pipeline", "levers", i, "owners", j]);
      });
  });
  list(pipeline.shocks).forEach((s, i) => {
    ordered(s.fromYear, s.toYear, ["pipeline", "shocks", i, "toYear"], ["fromYear", "toYear"]);
    distributions.push([s.delayMonths, ["pipeline", "shocks", i, "delayMonths"]]);
  });
  for (const [d, path] of distributions) {
    const [min, mode, max] = [obj(d).min, obj(d).mode, obj(d).max].map(num);
    if (min === undefined || mode === undefined || max === undefined) continue;
    if (!(min <= mode && mode <= max)) add(path, `verwacht min ≤ mode ≤ max, kreeg ${min}, ${mode}, ${max}`);
  }
  const targets = obj(root.targets);
  list(targets.socialAdditions).forEach((w, i) => {
    owner.corporation(w.corporation, ["targets", "socialAdditions", i, "corporation"]);
  });
  for (const key of ["sleutelprojecten", "socialAdditions"]) {
    list(targets[key]).forEach((w, i) => {
      outsidePeriod(w.untilYear, ["targets", key, i, "untilYear"]);
      ordered(w.fromYear, w.untilYear, ["targets", key, i, "untilYear"], ["fromYear", "untilYear"]);
    });
  }
  list(targets.socialShareByKern).forEach((b, i) => {
    unknownKern(b.kern, ["targets", "socialShareByKern", i, "kern"]);
    ordered(b.min, b.max, ["targets", "socialShareByKern", i, "max"], ["min", "max"]);
  });
  outsidePeriod(obj(root.opgave).deadlineYear, ["opgave", "deadlineYear"]);
  outsidePeriod(targets.inhabitantsYear, ["targets", "inhabitantsYear"]);
  list(root.calibration).forEach((row, i) => {
    outsidePeriod(row.year, ["calibration", i, "year"]);
    ordered(
      obj(row.tolerance).min,
      obj(row.tolerance).max,
      ["calibration", i, "tolerance", "max"],
      ["min", "max"],
    );
  });
  duplicates(list(root.calibration), "calibration", "kalibratieregel");
  const agreement = obj(root.agreement);
  ordered(agreement.fromYear, agreement.untilYear, ["agreement", "untilYear"], ["fromYear", "untilYear"]);
  outsidePeriod(agreement.untilYear, ["agreement", "untilYear"]);
  if (root.progress !== undefined) issues.push(...checkProgress(root, root.progress, ["progress"]));
  issues.push(...checkAllocation(root.allocation, first));
  issues.push(...checkAffordability(root));
  return issues;
}

export const scenarioSchema = scenarioShape;

export { startYearOf };

/**
 * Keys that would reach an object's prototype instead of being a key of their own ("__proto__" in a
 * by-year table was dropped without a word): refused wherever they stand in the file.
 */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function forbiddenKeys(node: unknown, path: Path, add: (path: Path, message: string) => void): void {
  if (node === null || typeof node !== "object") return;
  for (const key of Object.keys(node)) {
    const at = [...path, Array.isArray(node) ? Number(key) : key];
    if (FORBIDDEN_KEYS.has(key)) add(at, `de sleutel "${key}" is niet toegestaan`);
    else forbiddenKeys((node as Record<string, unknown>)[key], at, add);
  }
}
