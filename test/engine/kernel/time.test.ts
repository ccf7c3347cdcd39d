import { describe, expect, it } from "vitest";
import {
  calendar,
  endsYear,
  firstQuarterOfYear,
  monthsFromStart,
  yearOfMonth,
  yearOfQuarter,
} from "../../../engine/kernel/time";

describe("calendar", () => {
  const cal = calendar("2025-10", 2035);

  it("runs from the start month to the end of the last year in whole quarters", () => {
    expect(cal).toMatchObject({ startYear: 2025, endYear: 2035, nYears: 11, nQuarters: 41 });
  });

  it("counts months from the start, negative before it", () => {
    expect(monthsFromStart(cal, "2025-10")).toBe(0);
    expect(monthsFromStart(cal, "2026-01")).toBe(3);
    expect(monthsFromStart(cal, "2025-09")).toBe(-1);
  });

  it("puts quarters and months in their calendar year", () => {
    expect(yearOfQuarter(cal, 0)).toBe(0);
    expect(yearOfQuarter(cal, 1)).toBe(1);
    expect(yearOfQuarter(cal, 40)).toBe(10);
    expect(yearOfMonth(cal, 2)).toBe(0);
    expect(yearOfMonth(cal, 3)).toBe(1);
  });

  it("ends a year with the quarter that ends in December", () => {
    expect(endsYear(cal, 0)).toBe(true);
    expect(endsYear(cal, 1)).toBe(false);
    expect(endsYear(cal, 4)).toBe(true);
  });

  it("opens each year with its first simulated quarter", () => {
    expect(firstQuarterOfYear(cal, 0)).toBe(0);
    expect(firstQuarterOfYear(cal, 1)).toBe(1);
    expect(firstQuarterOfYear(cal, 2)).toBe(5);
  });
});
