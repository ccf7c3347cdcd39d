/**
 * One cell of a CSV file, safe to open in a spreadsheet. Text that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be read as a formula (`=cmd|' /C calc'!A0`), so it gets a single quote in
 * front, which spreadsheets show as plain text. A number is never a formula and stays as it is, minus
 * sign included. A cell holding the separator, a quote or a line break is quoted, quotes doubled.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

export interface CsvFormat {
  /** `,` (default) or `;` for Dutch Excel. */
  separator?: string;
  /** Write numbers with a decimal comma (Dutch Excel). */
  decimalComma?: boolean;
}

export function csvCell(value: string | number | null | undefined, format: CsvFormat = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const text = Number.isFinite(value) ? String(value) : "";
    return format.decimalComma ? text.replace(".", ",") : text;
  }
  const safe = formulaSafe(value);
  const sep = format.separator ?? ",";
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A line of cells (without its line break). */
export function csvLine(
  cells: readonly (string | number | null | undefined)[],
  format: CsvFormat = {},
): string {
  return cells.map((c) => csvCell(c, format)).join(format.separator ?? ",");
}

/** Lines joined by CRLF, with a final CRLF: what spreadsheets expect. */
export function csvText(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  format: CsvFormat = {},
): string {
  return `${rows.map((r) => csvLine(r, format)).join("\r\n")}\r\n`;
}
