import { constants, type Stats } from "node:fs";
import {
  access,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  statfs,
  writeFile,
} from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { findJsonError } from "../../kernel/json-syntax";
import { describeFsError, invalid, io, shorten } from "./errors";

/**
 * Files in and out of the command line. Input: any scenario a user saves (UTF-8 with or without a
 * byte-order mark, UTF-16 from Windows Notepad), JSON errors with line and column. Output: checked before
 * anything is computed (a file where a folder should be, no permission, /proc and other special file
 * systems), then written whole or not at all: every file to a temporary folder next to the result,
 * then renamed into place.
 */

/** A scenario file larger than this is not a scenario (the baseline is 60 kB). */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Text of a file as saved on any common system: UTF-8 (with or without BOM) or UTF-16 (LE or BE). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // UTF-16 without a byte-order mark: JSON starts with ASCII, so every other byte is zero.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0)
    return new TextDecoder("utf-16be").decode(bytes);
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Windows' own code page, which is what such a file almost always is.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Read a file the user named; every failure in Dutch, naming the file (exit code 3). */
export async function readUserFile(path: string, what = "het bestand"): Promise<string> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw io(`Kan ${what} ${path} niet lezen: ${describeFsError(error)}.`);
  }
  if (info.isDirectory()) throw io(`Kan ${what} ${path} niet lezen: het is een map, geen bestand.`);
  if (!info.isFile()) throw io(`Kan ${what} ${path} niet lezen: het is geen gewoon bestand.`);
  if (info.size > MAX_INPUT_BYTES)
    throw io(
      `Kan ${what} ${path} niet lezen: het is ${(info.size / 1024 / 1024).toFixed(0)} MB; een scenario is hoogstens ${MAX_INPUT_BYTES / 1024 / 1024} MB.`,
    );
  try {
    return decodeText(await readFile(path));
  } catch (error) {
    throw io(`Kan ${what} ${path} niet lezen: ${describeFsError(error)}.`);
  }
}

/** JSON.parse with a Dutch message that gives line and column, and shows the line (exit code 1). */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const error = findJsonError(text);
    if (!error) throw invalid(`${file}: geen geldige JSON (te diep genest).`);
    const lineText = text.split("\n")[error.line - 1]?.replace(/\r$/, "") ?? "";
    // The line around the error, at most 70 characters, with a caret under the spot.
    const from = Math.max(0, error.column - 40);
    const excerpt = lineText.slice(from, from + 70).replaceAll("\t", " ");
    return invalidJson(file, error, excerpt, error.column - 1 - from);
  }
}

function invalidJson(
  file: string,
  error: { line: number; column: number; reason: string },
  excerpt: string,
  caret: number,
): never {
  throw invalid(
    `${file}: geen geldige JSON op regel ${error.line}, kolom ${error.column}: ${error.reason}`,
    `  ${excerpt}`,
    `  ${" ".repeat(Math.max(0, caret))}^`,
  );
}

/** File systems where output has no place: the kernel's views, not storage. */
const SPECIAL_ROOTS = ["/proc", "/sys", "/dev"];
const SPECIAL_FS_TYPES = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x1cd1, // devpts
  0x62656570, // configfs
  0x6165676c, // pstore
  0xcafe4a11, // bpf
]);

/** The deepest part of `path` that exists (its real path) and what it is. */
async function existingAncestor(path: string): Promise<{ path: string; info: Stats }> {
  let at = path;
  for (;;) {
    try {
      return { path: await realpath(at), info: await stat(at) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "ENOENT") throw io(`--out: kan ${at} niet gebruiken: ${describeFsError(error)}.`);
      const parent = dirname(at);
      if (parent === at) throw io(`--out: ${path} ligt nergens op een bestaande schijf.`);
      at = parent;
    }
  }
}

export interface OutputPlan {
  dir: string;
  /** The files (relative to `dir`) that already exist and will be replaced. */
  replaces: string[];
}

/**
 * Check before computing that `files` (relative paths) can be written under `dir`: no file where a
 * folder should be, no folder where a file should be, permission to write, and no special file system.
 */
export async function planOutput(dirText: string, files: readonly string[]): Promise<OutputPlan> {
  const dir = resolve(dirText);
  const shown = shorten(dirText, 80);
  // /dev/shm is ordinary memory-backed storage; the rest of /dev is devices.
  const special = (p: string) =>
    p === "/dev/shm" || p.startsWith(`/dev/shm${sep}`)
      ? undefined
      : SPECIAL_ROOTS.find((root) => p === root || p.startsWith(root + sep));
  const root = special(dir);
  if (root) throw io(`--out: ${shown} ligt in ${root}, een systeemmap; kies een gewone map.`);
  const ancestor = await existingAncestor(dir);
  if (special(ancestor.path))
    throw io(`--out: ${shown} ligt in een systeemmap (${ancestor.path}); kies een gewone map.`);
  if (!ancestor.info.isDirectory())
    throw io(
      ancestor.path === (await realpathOrSelf(dir))
        ? `--out: ${shown} is een bestand, geen map.`
        : `--out: ${shown} kan geen map worden: ${ancestor.path} is een bestand.`,
    );
  let fsType: number | undefined;
  try {
    fsType = Number((await statfs(ancestor.path)).type);
  } catch {
    fsType = undefined;
  }
  if (fsType !== undefined && SPECIAL_FS_TYPES.has(fsType))
    throw io(
      `--out: ${shown} ligt op een speciaal bestandssysteem van het besturingssysteem; kies een gewone map.`,
    );
  try {
    await access(ancestor.path, constants.W_OK | constants.X_OK);
  } catch {
    throw io(`--out: geen toestemming om te schrijven in ${ancestor.path}.`);
  }
  const replaces: string[] = [];
  for (const file of files) {
    const target = join(dir, file);
    let info: Stats | undefined;
    try {
      info = await stat(target);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ENOTDIR")
        throw io(`--out: kan ${target} niet schrijven: een deel van het pad is een bestand, geen map.`);
      if (code !== "ENOENT") throw io(`--out: kan ${target} niet schrijven: ${describeFsError(error)}.`);
    }
    if (info?.isDirectory())
      throw io(`--out: kan ${target} niet schrijven: daar staat een map met die naam.`);
    if (info && !info.isFile())
      throw io(`--out: kan ${target} niet schrijven: daar staat iets anders dan een bestand.`);
    if (info) replaces.push(file);
  }
  return { dir, replaces };
}

async function realpathOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * Write every file, or none: first all of them into a temporary folder inside `dir`, then each renamed
 * into place (a rename within one file system replaces a file at once). A failure leaves the earlier
 * result as it was, and no temporary folder behind.
 */
export async function writeAtomically(
  plan: OutputPlan,
  files: readonly { path: string; content: string }[],
): Promise<void> {
  let tmp: string | undefined;
  try {
    await mkdir(plan.dir, { recursive: true });
    tmp = await mkdtemp(join(plan.dir, ".woonscenario-"));
    for (const file of files) {
      const at = join(tmp, file.path);
      await mkdir(dirname(at), { recursive: true });
      await writeFile(at, file.content);
    }
    for (const file of files) {
      const target = join(plan.dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(tmp, file.path), target);
    }
  } catch (error) {
    throw io(`Kan de uitvoer niet schrijven in ${plan.dir}: ${describeFsError(error)}.`);
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}
