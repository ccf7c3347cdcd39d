/**
 * CSV as spreadsheets write it. Dutch Excel separates fields with `;` and writes a decimal comma;
 * English software uses `,` and a decimal point. The reader detects which from the header line.
 */

export interface CsvTable {
  /** `;` means Dutch Excel: numbers then carry a decimal comma. */
  delimiter: ";" | ",";
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, "");
  const header = clean.slice(0, clean.search(/\r?\n|$/));
  const delimiter = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      row.push(unprotect(field));
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && clean[i + 1] === "\n") i++;
      row.push(unprotect(field));
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(unprotect(field));
    rows.push(row);
  }
  return { delimiter, rows: rows.filter((r) => r.some((cell) => cell.trim() !== "")) };
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
 * A text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage return at the
 * start) gets a single quote before it, so opening an export never runs anything (CSV injection).
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text `formulaSafe` was given: its quote taken off again when a file of ours is read back. */
export function unprotect(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

const quote = (text: string, delimiter: string) =>
  /[";\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;

/**
 * Rows as CSV for Dutch Excel by default: `;`, decimal comma, and a byte-order mark so Excel reads
 * the file as UTF-8 (village names and dashes survive). Every text cell is made formula-safe; numbers
 * stay numbers (a negative number is written as one, not as text).
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
