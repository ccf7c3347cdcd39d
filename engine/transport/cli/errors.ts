/**
 * The command line's one kind of failure: a Dutch message and an exit code. Every command throws a
 * `CliError` for what the user can act on; `main` prints it and returns its code, so no failure ends
 * in a stack trace.
 */

export const EXIT = {
  ok: 0,
  /** The input is invalid: a scenario, a value in it, a path or value of a sweep. */
  invalid: 1,
  /** The command is used wrongly: an unknown command or option, a bad option value. */
  usage: 2,
  /** A file cannot be read or written. */
  io: 3,
  /** A fault in woonscenario itself. */
  internal: 4,
} as const;

export class CliError extends Error {
  constructor(
    readonly code: number,
    readonly lines: string[],
  ) {
    super(lines.join("\n"));
  }
}

export const invalid = (...lines: string[]) => new CliError(EXIT.invalid, lines);
export const usage = (...lines: string[]) => new CliError(EXIT.usage, lines);
export const io = (...lines: string[]) => new CliError(EXIT.io, lines);

/** A value as a message quotes it: at most `max` characters, the length said when cut. */
export function shorten(text: string, max = 60): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join("")}… (${chars.length.toLocaleString("nl-NL")} tekens)`;
}

/** A line of a message: long quoted values shortened, and the line itself at most a screenful. */
export function shortenLine(line: string, max = 400): string {
  const quoted = line.replace(/"([^"]{61,})"/g, (_, inner: string) => `"${shorten(inner)}"`);
  return shorten(quoted, max);
}

/** Dutch for a Node file-system error code, for a message that names the file. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "bestaat niet";
    case "EACCES":
    case "EPERM":
      return "geen toestemming";
    case "EISDIR":
      return "is een map, geen bestand";
    case "ENOTDIR":
      return "een deel van het pad is een bestand, geen map";
    case "EEXIST":
      return "bestaat al";
    case "ENOSPC":
      return "de schijf is vol";
    case "EROFS":
      return "het bestandssysteem is alleen-lezen";
    case "ENAMETOOLONG":
      return "de naam is te lang";
    case "EMFILE":
    case "ENFILE":
      return "te veel open bestanden";
    default:
      return code ? `fout ${code}` : "onbekende fout";
  }
}
