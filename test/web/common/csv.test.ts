import { describe, expect, it } from "vitest";
import { parseCsv, parseNumber, toCsv } from "../../../web/common/csv";

describe("parseCsv", () => {
  it("reads Dutch Excel: semicolons, quoted fields with separators and quotes, CRLF and a BOM", () => {
    const table = parseCsv('\uFEFFid;naam\r\nP1;"Losser; centrum"\r\nP2;"de ""Brink"""\r\n');
    expect(table.delimiter).toBe(";");
    expect(table.rows).toEqual([
      ["id", "naam"],
      ["P1", "Losser; centrum"],
      ["P2", 'de "Brink"'],
    ]);
  });

  it("detects a comma-separated file from its header and skips empty lines", () => {
    const table = parseCsv("id,naam\n\nP1,Glane\n");
    expect(table.delimiter).toBe(",");
    expect(table.rows).toEqual([
      ["id", "naam"],
      ["P1", "Glane"],
    ]);
  });
});

describe("parseNumber", () => {
  it("reads a decimal comma and thousands points the Dutch way", () => {
    expect(parseNumber("12,0", true)).toBe(12);
    expect(parseNumber("1.225", true)).toBe(1225);
    expect(parseNumber("1.234,5", true)).toBe(1234.5);
  });

  it("reads English numbers when the file is not Dutch", () => {
    expect(parseNumber("1,225", false)).toBe(1225);
    expect(parseNumber("12.5", false)).toBe(12.5);
  });

  it("returns undefined for text that is not a number", () => {
    expect(parseNumber("twaalf", true)).toBeUndefined();
    expect(parseNumber("1,2,3", true)).toBeUndefined();
  });
});

describe("toCsv", () => {
  it("writes Dutch Excel by default: BOM, semicolons, decimal comma, ja/nee, quoted separators", () => {
    expect(toCsv([["a", 0.5, true, "x;y"]])).toBe('\uFEFFa;0,5;ja;"x;y"\r\n');
  });

  it("writes plain CSV on request", () => {
    expect(toCsv([["a", 0.5]], { dutch: false })).toBe("a,0.5\r\n");
  });

  it("puts a single quote before every text a spreadsheet would run as a formula, not before numbers", () => {
    // One rule with the command line (engine/kernel/csv.ts): a text that is just a number ("-2") is
    // not a formula, Excel reads it as the number; "-2+3" would be computed, so it gets the quote.
    const risky = ["=1+1", "+31 53", "-2+3", "@SUM(A1)", "\tx", "\rx"];
    const line = toCsv([[...risky, -2, "-2", "a=b", "'quoted"]], { dutch: false });
    expect(line).toBe(`'=1+1,'+31 53,'-2+3,'@SUM(A1),'\tx,"'\rx",-2,-2,a=b,'quoted\r\n`);
    expect(toCsv([["=A1", -0.5]])).toBe("\uFEFF'=A1;-0,5\r\n");
  });

  it("reads back what it wrote: the quote before a formula character comes off again", () => {
    const rows = [["=1+1", "-2", "@x", "'quoted", "gewoon"]];
    expect(parseCsv(toCsv(rows)).rows).toEqual(rows);
  });
});

describe("parseCsv, damaged", () => {
  it("numbers each row by its line in the file, blank lines and multi-line fields counted", () => {
    const table = parseCsv('id;naam\n\nP1;"twee\nregels"\nP2;x\n');
    expect(table.rows.map((r) => r[0])).toEqual(["id", "P1", "P2"]);
    expect(table.lines).toEqual([1, 3, 5]);
  });

  it("sets apart a line whose quote never closes and reads on after it", () => {
    const table = parseCsv('id;naam\nP1;"kapot\nP2;goed\nP3;"ook goed"\n');
    expect(table.rows).toEqual([
      ["id", "naam"],
      ["P2", "goed"],
      ["P3", "ook goed"],
    ]);
    expect(table.lines).toEqual([1, 3, 4]);
    expect(table.unreadable).toEqual([
      { line: 2, text: 'P1;"kapot', message: 'een aanhalingsteken (") wordt geopend en niet gesloten' },
    ]);
  });

  it("sets apart a line whose quote runs on to the end of the file", () => {
    const table = parseCsv('id;naam\nP1;"kapot\nP2;goed\nP3;ook\n');
    expect(table.rows.map((r) => r[0])).toEqual(["id", "P2", "P3"]);
    expect(table.lines).toEqual([1, 3, 4]);
    expect(table.unreadable.map((u) => u.line)).toEqual([2]);
  });
});
