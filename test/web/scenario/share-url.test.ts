import { describe, expect, it } from "vitest";
import { scenarioFragment, scenarioFromFragment } from "../../../web/scenario/share-url";
import { loadScenario } from "../../helpers/scenarios";

const scenario = loadScenario();

describe("share URL", () => {
  it("round-trips a scenario through a compact URL fragment", async () => {
    const hash = await scenarioFragment(scenario);
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(JSON.stringify(scenario).length / 3);
    const back = await scenarioFromFragment(hash);
    expect(back?.ok && back.value).toEqual(scenario);
  });

  it("ignores a fragment that carries no scenario", async () => {
    expect(await scenarioFromFragment("#grafieken")).toBeUndefined();
  });

  it("reports a damaged link in Dutch instead of throwing", async () => {
    const back = await scenarioFromFragment("#scenario=abc");
    expect(back).toEqual({
      ok: false,
      problems: [{ path: "(link)", message: "de link is beschadigd of onvolledig" }],
    });
    const bad = await scenarioFromFragment("#scenario=a b");
    expect(bad?.ok).toBe(false);
  });
});
