import type { z } from "zod";

/** One problem with an input, as users read it: where (a field path) and what (Dutch). */
export interface InputProblem {
  path: string;
  message: string;
}

/** `["projects", 3, "units", "sociale_huur"]` → `projects[3].units.sociale_huur`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(bestand)" : out;
}

const TYPE_NAMES: Record<string, string> = {
  number: "een getal",
  string: "tekst",
  boolean: "ja/nee (true of false)",
  object: "een object",
  array: "een lijst",
  int: "een geheel getal",
};

function describe(value: unknown): string {
  if (value === undefined) return "niets";
  if (value === null) return "null";
  if (Array.isArray(value)) return "een lijst";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return `"${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return TYPE_NAMES[typeof value] ?? typeof value;
}

type RawIssue = z.core.$ZodRawIssue;

/**
 * The one place where schema errors become Dutch. Passed to zod on every parse, so each message is
 * written once for every field of that kind.
 */
export function dutchMessage(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "ontbreekt";
      return `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}, kreeg ${describe(issue.input)}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array")
        return `moet minstens ${min} ${min === 1 ? "element" : "elementen"} bevatten`;
      if (issue.origin === "string") return "mag niet leeg zijn";
      if (min === 0)
        return issue.inclusive
          ? `mag niet negatief zijn (kreeg ${describe(issue.input)})`
          : "moet groter dan 0 zijn";
      return `moet ${issue.inclusive ? "minstens" : "groter dan"} ${min} zijn (kreeg ${describe(issue.input)})`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return `mag hoogstens ${max} elementen bevatten`;
      if (max === 1 && issue.inclusive)
        return `is een aandeel en moet tussen 0 en 1 liggen (kreeg ${describe(issue.input)})`;
      return `mag ${issue.inclusive ? "hoogstens" : "minder dan"} ${max} zijn (kreeg ${describe(issue.input)})`;
    }
    case "invalid_value":
      return issue.values.length === 1
        ? `moet ${JSON.stringify(issue.values[0])} zijn`
        : `moet een van ${issue.values.map((v) => JSON.stringify(v)).join(", ")} zijn (kreeg ${describe(issue.input)})`;
    case "invalid_format":
      return `heeft niet de goede vorm (kreeg ${describe(issue.input)})`;
    case "unrecognized_keys":
      return `onbekend veld: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `moet een veelvoud van ${issue.divisor} zijn`;
    case "invalid_union":
      return `ongeldige waarde (kreeg ${describe(issue.input)})`;
    default:
      return "ongeldige waarde";
  }
}

type Issue = z.core.$ZodIssue;

/**
 * A figure is a number or `{ value, source }`; when it is wrong, report the branch the user meant
 * (the one that did not fail on its type at the top), not "matches neither".
 */
function unfold(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const meant =
    issue.errors.find((branch) => !branch.some((e) => e.code === "invalid_type" && e.path.length === 0)) ??
    issue.errors[0];
  return meant.flatMap((inner) => unfold({ ...inner, path: [...issue.path, ...inner.path] } as Issue));
}

export function toProblems(error: z.ZodError): InputProblem[] {
  return error.issues
    .flatMap(unfold)
    .map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export function formatProblem(problem: InputProblem): string {
  return `${problem.path}: ${problem.message}`;
}
