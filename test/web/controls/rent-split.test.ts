import { describe, expect, it } from "vitest";
import { rentSplitSchema } from "../../../web/controls/rent-split";

/** The four streefhuur shares as typed in the form, in percent with a decimal comma. */
const typed = (a: string, b: string, c: string, d: string) => ({
  kwaliteitskorting: a,
  aftopping_laag: b,
  aftopping_hoog: c,
  liberalisatie: d,
});

describe("rentSplitSchema", () => {
  it("reads the agreement's split typed the Dutch way, as fractions", () => {
    expect(rentSplitSchema.parse(typed("2,5", "60", "25", "12,5"))).toEqual({
      kwaliteitskorting: 0.025,
      aftopping_laag: 0.6,
      aftopping_hoog: 0.25,
      liberalisatie: 0.125,
    });
  });

  it("says in Dutch what the shares add up to when that is not 100%", () => {
    const result = rentSplitSchema.safeParse(typed("2,5", "70", "25", "12,5"));
    expect(result.error?.issues[0].message).toBe(
      "Streefhuurverdeling: de vier aandelen tellen op tot 110%; samen moeten ze 100% zijn",
    );
  });

  it("names the band of a share that is not a percentage", () => {
    expect(rentSplitSchema.safeParse(typed("", "60", "25", "15")).error?.issues[0].message).toBe(
      "Tot de kwaliteitskortingsgrens: verwacht een percentage",
    );
    expect(rentSplitSchema.safeParse(typed("2,5", "zestig", "25", "12,5")).error?.issues[0].message).toBe(
      "Tot de eerste aftoppingsgrens: verwacht een percentage",
    );
    expect(rentSplitSchema.safeParse(typed("2,5", "60", "-5", "42,5")).error?.issues[0].message).toBe(
      "Tot de tweede aftoppingsgrens: minstens 0%",
    );
    expect(rentSplitSchema.safeParse(typed("0", "0", "0", "120")).error?.issues[0].message).toBe(
      "Tot de liberalisatiegrens: hoogstens 100%",
    );
  });
});
