import { describe, expect, it } from "vitest";
import { coverage } from "../../../engine/analysis/coverage";
import { prepare } from "../../../engine/simulate";
import { loadScenario } from "../../helpers/scenarios";

describe("coverage of the agreement", () => {
  const scenario = loadScenario("basis");
  const { layout, targets } = prepare(scenario);
  const result = coverage(scenario.agreement?.commitments ?? [], layout, targets, scenario);

  it("places every commitment of the baseline's agreement in the model, or says why not", () => {
    expect(result.problems).toEqual([]);
    expect(result.modelled.length + result.notModelled.length).toBe(scenario.agreement?.commitments.length);
    for (const row of result.notModelled) expect(row.note, row.text).toMatch(/^(Niet|Nog niet) in het model/);
  });

  it("models the items the agreement asks to monitor: 65+, a falling social stock, sale homes for statushouders", () => {
    const refs = result.modelled.flatMap((r) => r.modelledAs.map((m) => m.ref));
    expect(refs).toEqual(
      expect.arrayContaining([
        "metric:share.tenants_65plus",
        "target:sociale_voorraad_daalt_niet",
        "metric:statushouders.in_sale_homes",
        "metric:statushouders.alternative",
      ]),
    );
  });

  it("reports a reference to a target the model does not have, and an unmodelled item without a reason", () => {
    const bad = coverage(
      [
        { chapter: "H1", text: "x", modelledAs: ["target:bestaat_niet", "lever:policy.nergens"] },
        { chapter: "H2", text: "y", modelledAs: [] },
      ],
      layout,
      targets,
      scenario,
    );
    expect(bad.problems.map((p) => p.path)).toEqual([
      "agreement.commitments[0].modelledAs[0]",
      "agreement.commitments[0].modelledAs[1]",
      "agreement.commitments[1]",
    ]);
  });
});
