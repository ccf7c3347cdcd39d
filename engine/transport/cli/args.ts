import { formatCount } from "../../kernel/format";
import { MAX_RUNS } from "../../scenario";
import { shorten, usage } from "./errors";

/**
 * The options of a command, parsed by hand so that every message is Dutch: `--runs 500`, `--runs=500`,
 * `--runs -5` (a value, not an option: answered as a bad number), switches, options that may repeat
 * (`--set`, `--metric`), and `--` before positionals that start with a dash. An unknown option is
 * answered with the nearest valid one ("bedoelde je --runs?").
 */

export interface OptionSpec {
  name: string;
  /** The value's placeholder in help texts (`N`, `MAP`); absent for a switch. */
  value?: string;
  /** May be given more than once. */
  repeat?: boolean;
  /** The default, as help texts say it. */
  default?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  description: string[];
  /** Positionals allowed: [min, max]. */
  positionals: [number, number];
  options: OptionSpec[];
  examples: string[];
}

export interface ParsedArgs {
  values: Map<string, string[] | true>;
  positionals: string[];
  help: boolean;
}

/** Edit distance, for "bedoelde je …?". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = here;
    }
  }
  return row[b.length];
}

/** The candidate nearest to `text`, when it is near enough to be what was meant. */
export function nearest(text: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(text.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const prefix = candidates.find((c) => c.startsWith(text) || text.startsWith(c));
  if (prefix && text.length >= 2) return prefix;
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(text.length / 3)) ? best : undefined;
}

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string[] | true>();
  const positionals: string[] = [];
  let help = false;
  const byName = new Map(spec.options.map((o) => [o.name, o]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, "");
    const option = byName.get(name);
    if (!option) {
      const guess = nearest(name, [...byName.keys()]);
      const known = spec.options.map((o) => `--${o.name}`).join(", ");
      throw usage(
        `Onbekende optie ${shorten(arg.slice(0, eq < 0 ? undefined : eq), 40)} bij woonscenario ${spec.name}${guess ? `; bedoelde je --${guess}?` : "."}`,
        known
          ? `Opties van ${spec.name}: ${known}. Meer: woonscenario help ${spec.name}`
          : `${spec.name} heeft geen opties.`,
      );
    }
    if (!option.value) {
      if (eq >= 0)
        throw usage(
          `--${name} is een schakelaar en krijgt geen waarde (kreeg "${shorten(arg.slice(eq + 1), 40)}").`,
        );
      values.set(name, true);
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw usage(`--${name} mist een waarde (${option.value}).`);
      value = argv[++i];
    }
    const before = values.get(name);
    if (Array.isArray(before)) {
      if (!option.repeat) throw usage(`--${name} is twee keer gegeven; geef het één keer.`);
      before.push(value);
    } else values.set(name, [value]);
  }
  const [min, max] = spec.positionals;
  if (!help && (positionals.length < min || positionals.length > max)) {
    const extra = positionals.length > max ? `: "${shorten(positionals[max], 60)}" is te veel` : "";
    throw usage(
      `Verkeerd aantal argumenten voor ${spec.name}${extra}.`,
      `Gebruik: ${spec.usage}`,
      `Meer: woonscenario help ${spec.name}`,
    );
  }
  return { values, positionals, help };
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const v = args.values.get(name);
  return Array.isArray(v) ? v[v.length - 1] : undefined;
}

export function options(args: ParsedArgs, name: string): string[] {
  const v = args.values.get(name);
  return Array.isArray(v) ? v : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values.get(name) === true;
}

const quoted = (text: string) => `"${shorten(text, 40)}"`;

/** `--runs`: a whole number from 1 to the one cap the scenario file has too; digits only (no 0x10, 1e7). */
export function parseRuns(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const range = `van 1 tot en met ${formatCount(MAX_RUNS)}`;
  if (/^\d{1,3}(\.\d{3})+$/.test(text))
    throw usage(
      `--runs: schrijf het getal zonder punten, zoals ${text.replaceAll(".", "")} (kreeg ${quoted(text)}).`,
    );
  if (!/^\d+$/.test(text))
    throw usage(`--runs: verwacht een geheel getal ${range}, in cijfers, kreeg ${quoted(text)}.`);
  const n = Number(text);
  if (n < 1 || n > MAX_RUNS)
    throw usage(
      `--runs: verwacht een geheel getal ${range} (de grens van simulation.runs in een scenario), kreeg ${quoted(text)}.`,
    );
  return n;
}

/** `--seed`: a whole number from 0 to 2^53 − 1, kept exactly as typed (a larger one would silently change). */
export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw usage(`--seed: verwacht een geheel getal van 0 of meer, in cijfers, kreeg ${quoted(text)}.`);
  if (BigInt(text) > BigInt(Number.MAX_SAFE_INTEGER))
    throw usage(
      `--seed: hoogstens ${Number.MAX_SAFE_INTEGER} (2^53 − 1); een groter getal kan niet exact worden bewaard, kreeg ${quoted(text)}.`,
    );
  return Number(text);
}

/** `--year`: a calendar year in four digits; whether it lies in the simulated period is the command's check. */
export function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw usage(`--year: verwacht een jaartal van vier cijfers, kreeg ${quoted(text)}.`);
  return Number(text);
}
