import { describe, expect, it } from "vitest";
import { wholeNumber } from "../../../web/controls/fields";

describe("wholeNumber", () => {
  const runs = wholeNumber("Aantal runs", 100, 20_000);

  it("accepts a whole number typed in a form field", () => {
    expect(runs.parse("1000")).toBe(1000);
  });

  it("answers in Dutch, naming the field", () => {
    expect(runs.safeParse("12,5").error?.issues[0].message).toBe("Aantal runs: verwacht een getal");
    expect(runs.safeParse("12.5").error?.issues[0].message).toBe("Aantal runs: verwacht een geheel getal");
    expect(runs.safeParse("50").error?.issues[0].message).toBe("Aantal runs: minstens 100");
    expect(runs.safeParse("50000").error?.issues[0].message).toBe("Aantal runs: hoogstens 20.000");
    expect(runs.safeParse(Number.NaN).success).toBe(false);
  });
});
