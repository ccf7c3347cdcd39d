import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../../engine/index";
import { type AssumptionRow, assumptionRows, basisCounts, filterRows } from "../../../web/pages/methode";
import { BUILTIN_IDS, builtinScenario } from "../../../web/scenario/builtin";

/**
 * The method notebook's table of assumptions, for planners, SHBL and the council: every figure with a
 * Dutch name, the unit the schema means, a value written as a reader writes it, and a source or reasoning.
 */

type Json = Record<string, unknown>;
const SCHEMA = scenarioJsonSchema() as Json;

/** The JSON Schema of the number at `path` (a sourced figure's `value`), following refs, unions and records. */
function schemaAt(path: string): Json | undefined {
  const keys = [...path.matchAll(/[^.[\]]+|\[\d+\]/g)].map((m) => m[0]);
  const resolve = (node: Json): Json => {
    let n = node;
    while (typeof n.$ref === "string") {
      n = n.$ref
        .split("/")
        .slice(1)
        .reduce<Json>((o, k) => o[k] as Json, SCHEMA);
    }
    return n;
  };
  const number = (node: Json): Json | undefined => {
    const n = resolve(node);
    if (n.type === "number" || n.type === "integer") return n;
    const options = (n.anyOf ?? n.oneOf) as Json[] | undefined;
    return options?.map(resolve).find((o) => o.type === "number" || o.type === "integer");
  };
  let node: Json | undefined = SCHEMA;
  for (const key of keys) {
    if (!node) return undefined;
    let n = resolve(node);
    const options = (n.anyOf ?? n.oneOf) as Json[] | undefined;
    if (options) n = options.map(resolve).find((o) => o.type === "object" || o.type === "array") ?? n;
    if (key.startsWith("[")) node = n.items as Json;
    else {
      const props = (n.properties ?? {}) as Record<string, Json>;
      const patterns = n.patternProperties as Record<string, Json> | undefined;
      node =
        props[key] ??
        (typeof n.additionalProperties === "object" ? (n.additionalProperties as Json) : undefined) ??
        (patterns ? Object.values(patterns)[0] : undefined);
    }
  }
  return node && number(node);
}

const everyRow = BUILTIN_IDS.flatMap((id) =>
  assumptionRows(builtinScenario(id)).map((r) => ({ ...r, scenario: id })),
);
const basis = assumptionRows(builtinScenario("basis"));
const row = (path: string) => basis.find((r) => r.path === path)!;

/** A name that reads like code: a dotted path, an index, camelCase or snake_case. */
const codeLike = (name: string) => /\w\.\w|\[\d+\]|[a-z][A-Z]|[a-z]_[a-z]/.test(name);

describe("the table of assumptions", () => {
  it("names every figure of every scenario shipped in Dutch, not by its place in the file", () => {
    const unnamed = everyRow.filter((r) => !r.named || codeLike(r.name) || r.name.length < 6);
    expect(unnamed.map((r) => `${r.scenario}: ${r.path} → ${r.name}`)).toEqual([]);
    expect(row("stock[23].dwellings").name).toMatch(/^[A-Z][\w ]+: sociale huur|middenhuur|koop|duur/);
    expect(row("pipeline.statuses.in_aanbouw.delayMonths.min").name).toBe(
      "Vertraging van projecten in aanbouw: kortste",
    );
    expect(row("pipeline.statuses.zacht.dropOut").name).toBe("Uitval van zachte plannen");
  });

  it("groups the figures by theme, every theme named", () => {
    const themes = new Set(everyRow.map((r) => r.theme));
    expect(themes.has("Overig")).toBe(false);
    expect(row("municipality.inhabitants").theme).toBe("Gemeente en overeenkomst");
    expect(row("affordability.rentPolicy.maximum.2024").theme).toBe("Huurbeleid en huurtoeslag");
  });

  it("gives each figure the unit its schema means: fractions as percentages, whole numbers whole", () => {
    // The schema is read where it should be: a fraction, a whole number, a factor up to 2.
    expect(schemaAt("affordability.rentPolicy.maximum.2024")).toMatchObject({ type: "number", maximum: 0.5 });
    expect(schemaAt("stock[23].dwellings")).toMatchObject({ type: "integer" });
    expect(schemaAt("allocation.households.gezin.incomeSpread")).toMatchObject({ maximum: 2 });
    expect(schemaAt("allocation.limits.rent.byYear.2025.middenhuurgrens")).toMatchObject({ type: "number" });
    const wrong: string[] = [];
    for (const r of everyRow) {
      const s = schemaAt(r.path);
      if (!s) {
        wrong.push(`${r.path}: geen schema`);
        continue;
      }
      const fraction =
        s.type === "number" && typeof s.maximum === "number" && s.maximum <= 1 && (s.minimum as number) >= -1;
      const percent = r.unit.kind === "percent" || r.unit.kind === "percentPerYear";
      if (fraction !== percent)
        wrong.push(`${r.path}: schema ${JSON.stringify(s)}, getoond als ${r.unit.label}`);
      if (percent !== r.valueText.endsWith("%")) wrong.push(`${r.path}: ${r.valueText} als ${r.unit.label}`);
      const euro = r.unit.kind === "euroPerMonth" || r.unit.kind === "euroPerYear";
      if (euro !== r.valueText.startsWith("€ ")) wrong.push(`${r.path}: ${r.valueText} als ${r.unit.label}`);
      if (s.type === "integer" && (percent || r.unit.kind === "factor" || /,/.test(r.valueText)))
        wrong.push(`${r.path}: geheel getal, getoond als ${r.valueText} ${r.unit.label}`);
    }
    expect(wrong).toEqual([]);
  });

  it("writes values as a reader writes them", () => {
    expect(row("affordability.rentPolicy.maximum.2024").valueText).toBe("5,8%");
    expect(row("economy.wageGrowth.byYear.2025").valueText).toBe("4%");
    expect(row("municipality.personsPerDwellingChange").valueText).toBe("-0,5%");
    const spread = row("allocation.households.overig.incomeSpread");
    expect([spread.valueText, spread.unit.label]).toEqual(["0,45", "factor (zonder eenheid)"]);
    expect(row("allocation.households.gezin.incomeMedian").valueText).toBe("€ 37.500");
    expect(row("allocation.limits.rent.byYear.2024.kwaliteitskortingsgrens").valueText).toBe("€ 454,47");
    expect(row("opgave.deadlineYear").valueText).toBe("2034");
    expect(row("opgave.homes").valueText).toBe("1.225");
    expect(row("allocation.queue.exitPerYear").valueText).toBe("20%");
  });

  it("lists every figure but the simulation settings, with a Dutch basis", () => {
    expect(basis.length).toBeGreaterThan(300);
    expect(basis.some((r) => r.path.startsWith("simulation"))).toBe(false);
    expect(row("municipality.inhabitants")).toMatchObject({ basisLabel: "overeenkomst" });
    const counts = basisCounts(basis);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(basis.length);
    expect(counts.schatting).toBeGreaterThan(0);
  });

  it("finds rows by any word of their name, source or value, and by basis", () => {
    const found = filterRows(basis, "uitval zachte", "all");
    expect(found.map((r: AssumptionRow) => r.path)).toContain("pipeline.statuses.zacht.dropOut");
    expect(found.every((r) => `${r.name} ${r.sourceText}`.toLowerCase().includes("uitval"))).toBe(true);
    expect(filterRows(basis, "", "official").every((r) => r.basis === "official")).toBe(true);
    expect(filterRows(basis, "", "all")).toHaveLength(basis.length);
    expect(filterRows(basis, "Overdinkel", "estimate").length).toBeGreaterThan(0);
    expect(filterRows(basis, "geen-bestaand-woord", "all")).toEqual([]);
  });

  it("gives every estimate its reasoning, not a bare 'Schatting'", () => {
    const bare = everyRow.filter(
      (r) => r.basis === "estimate" && r.sourceText.replace(/^schatting\b[\s:;,.]*/i, "").trim().length < 20,
    );
    expect(bare.map((r) => `${r.scenario}: ${r.path}: "${r.sourceText}"`)).toEqual([]);
  });

  it("calls a figure official only when its source is official: a law, the Rijk, CBS, the Belastingdienst", () => {
    const notOfficial = everyRow.filter(
      (r) =>
        r.basis === "official" &&
        (!/Rijksoverheid|CBS|Belastingdienst|Nationale Prestatieafspraken|^Huurtoeslag|\bWet\b/.test(
          r.sourceText,
        ) ||
          /vuistregel|schatting|gekalibreerd/i.test(r.sourceText)),
    );
    expect(notOfficial.map((r) => `${r.scenario}: ${r.path}: "${r.sourceText}"`)).toEqual([]);
  });
});
