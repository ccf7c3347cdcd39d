import { dutchMessage, formatPath, type InputProblem, toProblems } from "./kernel/errors";
import { findJsonError } from "./kernel/json-syntax";
import { isFutureVersion, migrateScenario } from "./migrate";
import { checkReferences, SCHEMA_VERSION, type Scenario, scenarioSchema } from "./scenario";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/**
 * Check a scenario that crossed a boundary (a file, a URL, a form). Never throws: the caller keeps its
 * last good scenario and shows the problems, each with its field path and a Dutch message.
 */
export function parseScenario(raw: unknown): ParseResult<Scenario> {
  try {
    return parseChecked(raw);
  } catch (error) {
    // Arrays or objects nested thousands deep are valid JSON but exhaust the stack of every check.
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      problems: [{ path: "(bestand)", message: "te diep genest: dit is geen scenariobestand" }],
    };
  }
}

function parseChecked(raw: unknown): ParseResult<Scenario> {
  if (isFutureVersion(raw))
    return {
      ok: false,
      problems: [
        {
          path: "schemaVersion",
          message: `dit scenario is gemaakt met een nieuwere versie van woonscenario (schemaversie ${String((raw as { schemaVersion: unknown }).schemaVersion)}); deze versie leest tot en met ${SCHEMA_VERSION}`,
        },
      ],
    };
  // A scenario saved by an earlier version is read in today's format, with the same meaning.
  const input = migrateScenario(raw);
  const parsed = scenarioSchema.safeParse(input, { error: dutchMessage, reportInput: true });
  const problems = parsed.success ? [] : toProblems(parsed.error);
  for (const issue of checkReferences(input))
    problems.push({ path: formatPath(issue.path), message: issue.message });
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}

/**
 * Parse scenario text (JSON); a syntax error is a problem like any other, not an exception, said in
 * Dutch with its line and column ("regel 412, kolom 5: een komma voor een sluitend haakje"). A
 * byte-order mark (Windows Notepad writes one) is no part of the scenario.
 */
export function parseScenarioText(text: string): ParseResult<Scenario> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const error = findJsonError(body);
    const where = error ? `regel ${error.line}, kolom ${error.column}: ${error.reason}` : "te diep genest";
    return { ok: false, problems: [{ path: "(bestand)", message: `geen geldige JSON: ${where}` }] };
  }
  return parseScenario(json);
}
