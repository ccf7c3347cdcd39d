// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as htl from "htl";
import { describe, expect, it } from "vitest";
import { listNames } from "../../../web/scenario/corporations";
import { type NotebookTexts, notebookTexts } from "../../../web/scenario/notebook-texts";
import { scenarioTexts } from "../../../web/scenario/texts";
import { parsed } from "../../helpers/scenarios";

// A jsdom test: import.meta.url is no file address here, so paths start at the project root.
const ROOT = process.cwd();

/**
 * A notebook's text cell as the page shows it: its HTML source as an htl template over the words `t`,
 * the way Notebook Kit compiles an HTML cell (`htl.html\`…\``), then its text.
 */
function cellText(notebook: string, id: number, t: NotebookTexts): string {
  const source = readFileSync(join(ROOT, "notebooks", notebook), "utf8");
  const cell = new RegExp(`<script id="${id}" type="text/html">([\\s\\S]*?)</script>`).exec(source);
  if (!cell) throw new Error(`${notebook}: geen HTML-cel ${id}`);
  const render = new Function("htl", "t", `return htl.html\`${cell[1]}\`;`);
  const node: Node = render(htl, t);
  return (node.textContent ?? "").replace(/\s+/g, " ").trim();
}

const basis = () => parsed(JSON.parse(readFileSync(join(ROOT, "data/scenarios/basis.json"), "utf8")));
const voorbeeld = () =>
  parsed(JSON.parse(readFileSync(join(ROOT, "test/fixtures/voorbeeldgemeente.json"), "utf8")));

/**
 * The notebooks' sentences as templates over the scenario's words. For Losser's baseline the words are
 * those the texts were written with (the strings below are the notebooks' own before they became
 * templates); another municipality gets its own.
 */
describe("the scenario's words", () => {
  it("reads Losser's baseline exactly as the notebooks wrote it", () => {
    const t = scenarioTexts(basis());
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
    const t = notebookTexts(scenarioTexts(basis()));
    expect(cellText("index.html", 1, t)).toContain(
      "Woonscenario Losser Een scenariolab voor de Raamovereenkomst Volkshuisvesting Losser 2025–2030 tussen de gemeente Losser, Domijn en de huurdersorganisatie SHBL. Het rekent de woningvoorraad van Losser van 2025 tot 2035 duizenden keren door",
    );
    expect(cellText("index.html", 1, t)).toContain(
      "de kans om de 1.225 woningen en 30% sociale huur te halen",
    );
    expect(cellText("betaalbaarheid.html", 1, t)).toContain("Voor de huurdersorganisatie SHBL: wat doen");
    expect(cellText("methode.html", 1, t)).toContain(
      "rekent de woningvoorraad van Losser van oktober 2025 tot eind 2035 door",
    );
    expect(cellText("bouwplanning.html", 17, t)).toContain(
      "het aandeel sociale huur; dit scenario houdt per kern aan: Overdinkel 27%–33% sociale huur)",
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
    const t = notebookTexts(scenarioTexts(s));
    expect([t.tenants, t.tenantsShort]).toEqual(["de huurdersorganisatie", "de huurdersorganisatie"]);
    expect(cellText("betaalbaarheid.html", 1, t)).toContain("Voor de huurdersorganisatie: wat doen");
  });

  it("lists several corporations as a Dutch reader writes them", () => {
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["Woonstichting A", "Woonstichting B"])).toBe("Woonstichting A en Woonstichting B");
    expect(listNames(["A", "B", "C"])).toBe("A, B en C");
  });

  it("shows a name from a link as written, never as HTML", () => {
    const s = voorbeeld();
    s.municipality.name = '<img src=x onerror="alert(1)"> & **vet**';
    const source = readFileSync(join(ROOT, "notebooks/index.html"), "utf8");
    const cell = /<script id="1" type="text\/html">([\s\S]*?)<\/script>/.exec(source)?.[1] ?? "";
    const node: DocumentFragment = new Function("htl", "t", `return htl.html\`${cell}\`;`)(
      htl,
      notebookTexts(scenarioTexts(s)),
    );
    const holder = document.createElement("div");
    holder.append(node);
    expect(holder.querySelector("img")).toBeNull();
    expect(holder.textContent).toContain('Woonscenario <img src=x onerror="alert(1)"> & **vet**');
  });
});
