import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tmp } from "../../helpers/cli";

describe("woonscenario new", () => {
  it("writes a valid skeleton for another municipality, every figure still to fill in", async () => {
    const file = join(tmp(), "dinkelland.json");
    const made = await cli(
      "new",
      "--gemeente",
      "Dinkelland",
      "--kernen",
      "Denekamp, Ootmarsum,Weerselo",
      "--out",
      file,
    );
    expect(made.code, made.err).toBe(0);
    const valid = await cli("validate", file);
    expect(valid.code, valid.err).toBe(0);
    // validate lists what is still to fill in, by path.
    expect(valid.out).toMatch(/Nog in te vullen: \d+ cijfers/);
    expect(valid.out).toContain("  municipality.inhabitants");
    expect(valid.out).toContain("  stock[0]");
    const text = readFileSync(file, "utf8");
    const s = JSON.parse(text);
    expect(s.municipality.name).toBe("Dinkelland");
    expect(s.kernen.map((k: { id: string }) => k.id)).toEqual(["Denekamp", "Ootmarsum", "Weerselo"]);
    // Every sourced figure is an estimate still to fill in; nothing of Losser's sources remains.
    const sources = [...text.matchAll(/"source": "([^"]*)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) expect(source).toMatch(/^in te vullen/);
    expect(text).not.toMatch(/"basis": "(agreement|official)"/);
    expect(text).not.toMatch(/Losser|Domijn|SHBL|Overdinkel|1\.225/);
  });

  it("lists two corporations by name, each with its social stock and the second's sales to fill in", async () => {
    const file = join(tmp(), "twee.json");
    const made = await cli(
      "new",
      ...["--gemeente", "Dinkelland", "--kernen", "Denekamp,Ootmarsum"],
      ...["--corporatie", "Woonstichting Elders, Stichting Oost", "--out", file],
    );
    expect(made.code, made.err).toBe(0);
    const valid = await cli("validate", file);
    expect(valid.code, valid.err).toBe(0);
    expect(valid.out).toContain("  corporations[1].sales.perYear");
    const s = JSON.parse(readFileSync(file, "utf8"));
    expect(s.corporations.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([
      ["woonstichting_elders", "Woonstichting Elders"],
      ["stichting_oost", "Stichting Oost"],
    ]);
    const social = s.stock.filter((r: { segment: string }) => r.segment === "sociale_huur");
    expect(social.map((r: { kern: string; owner: string }) => `${r.kern}/${r.owner}`)).toEqual([
      "Denekamp/woonstichting_elders",
      "Denekamp/stichting_oost",
      "Ootmarsum/woonstichting_elders",
      "Ootmarsum/stichting_oost",
    ]);
    // The baseline's lever for its corporation now names the first corporation.
    expect(JSON.stringify(s.pipeline.levers)).not.toMatch(/domijn/i);
    // A corporation named like a kern is refused before anything is written.
    const clash = await cli("new", "--gemeente", "X", "--kernen", "Oost,West", "--corporatie", "Oost");
    expect(clash.code).toBe(2);
    expect(clash.err).toContain('De corporatie "oost" heet als een kern');
  });

  it("asks for the municipality and its kernen", async () => {
    expect((await cli("new", "--kernen", "A,B")).code).toBe(2);
    expect((await cli("new", "--gemeente", "X")).code).toBe(2);
  });
});
