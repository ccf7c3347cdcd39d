import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type Terminal } from "../../engine/transport/cli";

/** The command line in-process: its exit code, stdout and stderr as text. */
export async function cli(...argv: string[]) {
  return cliWith({}, ...argv);
}

export async function cliWith(terminal: Terminal, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
    terminal,
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export const tmp = () => mkdtempSync(join(tmpdir(), "woonscenario-"));

/** A stream that records what is written to it, as a terminal or not. */
export function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 100, written, write: (s: string) => written.push(s) };
}
