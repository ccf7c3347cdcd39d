import { describe, expect, it } from "vitest";
import { cli } from "../../helpers/cli";

/** The monitoring commands on the whole of Losser, with the shipped example report (JSON and CSV). */
describe("woonscenario voortgang and seek on the baseline", () => {
  it("reads the example in JSON and the template in CSV to the same report", async () => {
    const json = await cli(
      "voortgang",
      "--progress",
      "data/voortgang/voorbeeld-2026-06.json",
      "--runs",
      "100",
      "--json",
    );
    const csv = await cli(
      "voortgang",
      "--progress",
      "data/voortgang/sjabloon.csv",
      "--runs",
      "100",
      "--json",
    );
    expect(json.code).toBe(0);
    expect(csv.code).toBe(0);
    const a = JSON.parse(json.out);
    const b = JSON.parse(csv.out);
    expect(b.chances).toEqual(a.chances);
    expect(b.actuals).toEqual(a.actuals);
    expect(b.behind).toEqual(a.behind);
    // 302 before the start, then P03 (14), V01 (8) and P01 (24).
    expect(a.actuals.at(-1)).toMatchObject({ month: "2026-06", realised: 348 });
    expect(a.behind.map((p: { id: string }) => p.id)).toContain("P02");
  }, 120_000);

  it("finds the extra homes in hard plans for 80% on the opgave, from the peildatum", async () => {
    const { code, out } = await cli(
      "seek",
      "opgave",
      "--lever",
      "hardHomes",
      "--runs",
      "100",
      "--progress",
      "data/voortgang/voorbeeld-2026-06.json",
      "--json",
    );
    expect(code).toBe(0);
    const answer = JSON.parse(out);
    expect(answer.status).toBe("reached");
    expect(answer.value).toBeGreaterThan(100);
    expect(answer.chance).toBeGreaterThanOrEqual(0.8);
    expect(answer.sentence).toMatch(/^Voor 80% kans op „1\.225 woningen gerealiseerd in 2034" is nodig/);
  }, 120_000);
});
