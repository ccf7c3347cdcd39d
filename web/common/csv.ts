import { formulaSafe } from "../../engine/index";

/**
 * CSV as spreadsheets write it. Dutch Excel separates fields with `;` and writes a decimal comma;
 * English software uses `,` and a decimal point. The reader detects which from the header line.
 */

export interface CsvTable {
  /** `;` means Dutch Excel: numbers then carry a decimal comma. */
  delimiter: ";" | ",";
  rows: string[][];
  /** The line in the file where each row starts (the first line is 1), blank lines counted. */
  lines: number[];
  /** Lines that could not be read as a row (an opening quote never closed), with their text. */
  unreadable: { line: number; text: string; message: string }[];
}

/**
 * Read CSV text. A field that opens a quote and never closes it would swallow the rest of the file:
 * instead its line is set apart as unreadable and reading goes on at the next line, so one stray quote
 * costs one row, and every row keeps the number of the line it is on.
 */
export function parseCsv(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, "");
  const header = clean.slice(0, clean.search(/\r?\n|$/));
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  const lines: number[] = [];
  const unreadable: CsvTable["unreadable"] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let rowStart = 0;
  const endRow = () => {
    row.push(unprotect(field));
    if (row.some((cell) => cell.trim() !== "")) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = "";
  };
  /** Set apart the first line of the row being read, and go on reading after it; returns where. */
  const breakRow = (): number => {
    const end = clean.slice(rowStart).search(/\r?\n/);
    const stop = end < 0 ? clean.length : rowStart + end;
    unreadable.push({
      line: rowLine,
      text: clean.slice(rowStart, stop),
      message: 'een aanhalingsteken (") wordt geopend en niet gesloten',
    });
    row = [];
    field = "";
    quoted = false;
    line = rowLine;
    return stop - 1;
  };
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        // A closing quote is followed by the end of the field; text after it means the quote that
        // opened the field was a stray one, which ran on into the rows below.
        const next = clean.slice(i + 1).match(/^[ \t]*([\s\S]?)/)?.[1] ?? "";
        if (!["", delimiter, "\n", "\r"].includes(next)) i = breakRow();
      } else {
        if (c === "\n" || (c === "\r" && clean[i + 1] !== "\n")) line++;
        field += c;
        if (i === clean.length - 1) i = breakRow();
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === delimiter) {
      row.push(unprotect(field));
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && clean[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
      rowStart = i + 1;
    } else field += c;
  }
  if (field !== "" || row.length > 0) endRow();
  return { delimiter, rows, lines, unreadable };
}

/**
 * A spreadsheet number: with `dutch`, `1.234,5` (point for thousands, comma for decimals); otherwise
 * `1,234.5`. Undefined when the text is not a number.
 */
export function parseNumber(text: string, dutch: boolean): number | undefined {
  const t = text.trim().replace(/\s/g, "");
  const pattern = dutch ? /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/ : /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
  if (!pattern.test(t)) return undefined;
  const [thousands, decimal] = dutch ? [".", ","] : [",", "."];
  return Number(t.replaceAll(thousands, "").replace(decimal, "."));
}

export type Cell = string | number | boolean | null | undefined;

/**
 * The text `formulaSafe` (engine/kernel/csv.ts, one rule for the CLI and the pages) was given: its quote
 * taken off again when a file of ours is read back.
 */
export function unprotect(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

const quote = (text: string, delimiter: string) =>
  /[";\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;

/**
 * Rows as CSV for Dutch Excel by default: `;`, decimal comma, and a byte-order mark so Excel reads
 * the file as UTF-8 (village names and dashes survive).
 */
export function toCsv(rows: readonly (readonly Cell[])[], options: { dutch?: boolean } = {}): string {
  const dutch = options.dutch ?? true;
  const delimiter = dutch ? ";" : ",";
  const cell = (value: Cell) => {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return dutch ? String(value).replace(".", ",") : String(value);
    if (typeof value === "boolean") return value ? "ja" : "nee";
    return quote(formulaSafe(value), delimiter);
  };
  const body = rows.map((r) => r.map(cell).join(delimiter)).join("\r\n");
  return `${dutch ? "\uFEFF" : ""}${body}\r\n`;
}
