import { describe, expect, it } from "vitest";
import { parseDutchNumber, wholeNumber } from "../../../web/controls/fields";

describe("wholeNumber", () => {
  const runs = wholeNumber("Aantal runs", 100, 20_000);

  it("accepts a whole number typed in a form field", () => {
    expect(runs.parse("1000")).toBe(1000);
  });

  it("answers in Dutch, naming the field", () => {
    expect(runs.safeParse("tien").error?.issues[0].message).toBe("Aantal runs: verwacht een getal");
    expect(runs.safeParse("").error?.issues[0].message).toBe("Aantal runs: verwacht een getal");
    expect(runs.safeParse("1000,5").error?.issues[0].message).toBe(
      "Aantal runs: verwacht een geheel getal, zonder komma",
    );
    expect(runs.safeParse("50").error?.issues[0].message).toBe("Aantal runs: minstens 100");
    expect(runs.safeParse("50000").error?.issues[0].message).toBe("Aantal runs: hoogstens 20.000");
    expect(runs.safeParse(Number.NaN).success).toBe(false);
  });
});

describe("Dutch numbers in a form field", () => {
  it("reads a decimal comma, points between thousands and spaces, and refuses what is no number", () => {
    expect(parseDutchNumber("12,5")).toBe(12.5);
    expect(parseDutchNumber(" 1.250 ")).toBe(1250);
    expect(parseDutchNumber("1.250,75")).toBe(1250.75);
    expect(parseDutchNumber("12.5")).toBe(12.5);
    expect(parseDutchNumber("1 000")).toBe(1000);
    expect(parseDutchNumber("−3")).toBe(-3);
    for (const bad of ["", "12,5,3", "1,2.3", "tien", "12e3", "0x10", "Infinity"])
      expect(parseDutchNumber(bad), bad).toBeUndefined();
  });

  it("refuses 12,5 homes in a whole-number field with a message, instead of storing 125", () => {
    const units = wholeNumber("P01 sociale huur", 0, 100_000);
    const result = units.safeParse("12,5");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("P01 sociale huur: verwacht een geheel getal, zonder komma");
    expect(units.parse("1.250")).toBe(1250);
    expect(units.parse("12")).toBe(12);
  });
});
