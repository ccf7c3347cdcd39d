import { describe, expect, it } from "vitest";
import {
  COMPARED_METRICS,
  comparisonCaption,
  councilFragment,
  DEFAULT_COUNCIL_SCENARIOS,
  initialCouncilScenarios,
  readCouncilState,
} from "../../../web/pages/raad";
import { saveScenario } from "../../../web/scenario/saved";
import { memoryStorage } from "../../../web/scenario/storage";
import { loadScenario } from "../../helpers/scenarios";

describe("the council's state in its address", () => {
  it("reads the scenarios and the difference's pair from the fragment or the query", () => {
    expect(readCouncilState("#scenarios=basis,vertraging")).toEqual({
      scenarios: ["builtin:basis", "builtin:vertraging"],
    });
    expect(readCouncilState("?scenarios=basis,versnelling&verschil=1,0")).toEqual({
      scenarios: ["builtin:basis", "builtin:versnelling"],
      pair: [1, 0],
    });
    expect(readCouncilState("#scenarios=saved%3AMijn%20plan,basis").scenarios).toEqual([
      "saved:Mijn plan",
      "builtin:basis",
    ]);
  });

  it("leaves out what it cannot read, and opens with Basis and Vertraging without an address", () => {
    expect(readCouncilState("#verschil=0,0")).toEqual({});
    expect(readCouncilState("#verschil=a,1&scenarios=")).toEqual({});
    expect(initialCouncilScenarios("")).toEqual([...DEFAULT_COUNCIL_SCENARIOS]);
    expect(initialCouncilScenarios("#scenarios=vertraging,basis")).toEqual([
      "builtin:vertraging",
      "builtin:basis",
    ]);
  });

  it("opens from a scenario link with that scenario and the saved ones of its municipality", () => {
    const storage = memoryStorage();
    const linked = loadScenario("vertraging");
    const other = structuredClone(linked);
    other.municipality.name = "Elders";
    saveScenario(storage, "Mijn plan", loadScenario("basis"));
    saveScenario(storage, "Elders", other);
    const keys = initialCouncilScenarios("#scenario=x", linked, storage);
    // The shipped ones are of the same municipality here: up to four in all.
    expect(keys[0]).toBe("link");
    expect(keys).toHaveLength(4);
    expect(keys).not.toContain("saved:Elders");
    expect(initialCouncilScenarios("", other, storage)).toEqual(["link", "saved:Elders"]);
  });

  it("writes a fragment that reads back the same", () => {
    const state = {
      scenarios: ["builtin:basis", "saved:Mijn plan, versie 2"],
      pair: [1, 0] as [number, number],
    };
    expect(councilFragment({ scenarios: ["builtin:basis", "builtin:vertraging"] })).toBe(
      "scenarios=basis,vertraging",
    );
    expect(readCouncilState(`#${councilFragment({ pair: state.pair })}`)).toEqual({ pair: [1, 0] });
    expect(
      readCouncilState(`#${councilFragment({ scenarios: ["builtin:basis", "saved:Mijn plan"] })}`),
    ).toEqual({
      scenarios: ["builtin:basis", "saved:Mijn plan"],
    });
  });

  it("keeps a saved scenario whose name has a comma (or a percent sign) as one scenario", () => {
    const scenarios = ["builtin:basis", "saved:Mijn plan, versie 2", "saved:50% sneller"];
    const fragment = councilFragment({ scenarios, pair: [2, 0] });
    expect(fragment).not.toMatch(/versie 2/);
    expect(readCouncilState(`#${fragment}`)).toEqual({ scenarios, pair: [2, 0] });
    // The address as the browser keeps it after a reload reads the same.
    expect(readCouncilState(new URL(`https://x.nl/raad.html#${fragment}`).hash)).toEqual({
      scenarios,
      pair: [2, 0],
    });
  });
});

describe("the side-by-side comparisons", () => {
  it("fit the social share's axis to the data, and say so; the realisation keeps its zero", () => {
    expect(COMPARED_METRICS.sociaal.zero).toBe(false);
    expect(COMPARED_METRICS.realisatie.zero).toBe(true);
    expect(comparisonCaption(false)).toMatch(/begint niet bij nul/);
    expect(comparisonCaption(true)).not.toMatch(/nul/);
  });
});
