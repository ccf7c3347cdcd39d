import { dutchMessage, formatPath, type InputProblem, toProblems } from "./kernel/errors";
import type { ParseResult } from "./parse";
import type { Scenario } from "./scenario";
import { checkProgress, type Progress, progressSchema } from "./stock/progress";

/**
 * A progress report read against its scenario: the file's own form first, then whether it fits the
 * scenario (projects it names, months between the start and the peildatum). Never throws: the caller
 * keeps what it had and shows the problems, each with its row and field and a Dutch message.
 */
export function parseProgress(raw: unknown, scenario: Scenario): ParseResult<Progress> {
  const parsed = progressSchema.safeParse(raw, { error: dutchMessage, reportInput: true });
  const problems: InputProblem[] = parsed.success ? [] : toProblems(parsed.error);
  for (const issue of checkProgress(scenario, raw))
    problems.push({ path: formatPath(issue.path), message: issue.message });
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}

export function parseProgressText(text: string, scenario: Scenario): ParseResult<Progress> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: "(bestand)", message: `geen geldige JSON: ${(error as Error).message}` }],
    };
  }
  return parseProgress(json, scenario);
}

/** The scenario seen from the peildatum: its runs start from what the report says happened. */
export function withProgress(scenario: Scenario, progress: Progress): Scenario {
  const { $schema: _, ...report } = progress;
  return { ...scenario, progress: report };
}
