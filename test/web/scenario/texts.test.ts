import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listNames } from "../../../web/scenario/corporations";
import { escapeMarkdown, markdownTexts } from "../../../web/scenario/notebook-texts";
import { scenarioTexts } from "../../../web/scenario/texts";
import { loadScenario, parsed } from "../../helpers/scenarios";

const voorbeeld = () =>
  parsed(JSON.parse(readFileSync(new URL("../../fixtures/voorbeeldgemeente.json", import.meta.url), "utf8")));

/**
 * The notebooks' sentences as templates over the scenario's words. For Losser's baseline the words are
 * those the texts were written with (the strings below are the notebooks' own before they became
 * templates); another municipality gets its own.
 */
describe("the scenario's words", () => {
  it("reads Losser's baseline exactly as the notebooks wrote it", () => {
    const t = scenarioTexts(loadScenario("basis"));
    expect(t.gemeente).toBe("Losser");
    expect(t.agreement).toBe("Raamovereenkomst Volkshuisvesting Losser 2025–2030");
    expect(t.corporations).toBe("Domijn");
    expect(t.tenantsName).toBe("SHBL");
    expect(t.opgave).toBe("1.225");
    expect(t.opgaveYear).toBe(2034);
    expect(t.socialShare).toBe("30%");
    expect([t.startYear, t.endYear, t.startMonth]).toEqual([2025, 2035, "oktober 2025"]);
    expect(t.exampleKern).toBe("Overdinkel");
    expect(t.projectSums).toBe(
      "van de 1.225 woningen zijn er 302 gerealiseerd (september 2025), staan er circa 317 in harde plannen en ongeveer 350 in zachte plannen, en moeten de overige 256 nog worden ingepland; sleutelprojecten zijn 300 woningen tot en met 2030 en 415 in 2031–2035; Domijn rekent op 40 sociale huurwoningen tot en met 2029 en 187 in 2030–2035",
    );
  });

  it("fills Losser's key sentences as they read before they were templates", () => {
    const t = markdownTexts(scenarioTexts(loadScenario("basis")));
    expect(
      `Een scenariolab voor de **${t.agreement}** tussen de gemeente ${t.gemeente}, ${t.corporations} en ${t.tenants}. Het rekent de woningvoorraad van ${t.gemeente} van ${t.startYear} tot ${t.endYear} duizenden keren door`,
    ).toBe(
      "Een scenariolab voor de **Raamovereenkomst Volkshuisvesting Losser 2025–2030** tussen de gemeente Losser, Domijn en de huurdersorganisatie SHBL. Het rekent de woningvoorraad van Losser van 2025 tot 2035 duizenden keren door",
    );
    expect(`Voor ${t.tenantsStrong}: wat doen`).toBe("Voor de huurdersorganisatie **SHBL**: wat doen");
    expect(`rekent de woningvoorraad van ${t.gemeente} van ${t.startMonth} tot eind ${t.endYear} door`).toBe(
      "rekent de woningvoorraad van Losser van oktober 2025 tot eind 2035 door",
    );
    expect(`de kans om de ${t.opgave} woningen en ${t.socialShare} sociale huur te halen`).toBe(
      "de kans om de 1.225 woningen en 30% sociale huur te halen",
    );
  });

  it("gives another municipality its own words, with none of Losser's", () => {
    const t = scenarioTexts(voorbeeld());
    expect(t.gemeente).toBe("Voorbeeldgemeente");
    expect(t.agreement).toBe("Prestatieafspraken Voorbeeldgemeente 2026–2031");
    expect(t.corporations).toBe("Woonstichting Voorbeeld en Stichting Thuis in de Kernen");
    expect(t.tenantsName).toBe("Huurdersvereniging Voorbeeld");
    expect(t.opgave).toBe("1.400");
    expect([t.opgaveYear, t.startYear, t.endYear, t.startMonth]).toEqual([2033, 2026, 2033, "januari 2026"]);
    expect(t.exampleKern).toBe("Noordveld");
    // Nothing was realised before the start, so no month before it is named.
    expect(t.projectSums).toMatch(/^van de 1\.400 woningen staan er circa \d/);
    expect(JSON.stringify(t)).not.toMatch(/Losser|Domijn|SHBL|Overdinkel|1\.225|2025|2034|2035/);
  });

  it("names no tenants' organisation the scenario does not name", () => {
    const s = voorbeeld();
    delete s.tenantsOrganisation;
    const t = markdownTexts(scenarioTexts(s));
    expect([t.tenants, t.tenantsStrong, t.tenantsShort]).toEqual([
      "de huurdersorganisatie",
      "de **huurdersorganisatie**",
      "de huurdersorganisatie",
    ]);
  });

  it("lists several corporations as a Dutch reader writes them", () => {
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["Woonstichting A", "Woonstichting B"])).toBe("Woonstichting A en Woonstichting B");
    expect(listNames(["A", "B", "C"])).toBe("A, B en C");
  });

  it("keeps a name from a link from being read as Markdown or HTML", () => {
    expect(escapeMarkdown('<img src=x onerror="alert(1)">')).toBe('\\<img src=x onerror="alert\\(1\\)"\\>');
    expect(escapeMarkdown("**vet** & [link](x)")).toBe("\\*\\*vet\\*\\* &amp; \\[link\\]\\(x\\)");
    const s = voorbeeld();
    s.municipality.name = "<b>Gemeente</b>";
    expect(markdownTexts(scenarioTexts(s)).gemeente).toBe("\\<b\\>Gemeente\\</b\\>");
  });
});
