import { describe, expect, it } from "vitest";
import { main } from "../../../engine/transport/cli";

describe("woonscenario compare on the baseline", () => {
  it("shows vertraging realising fewer homes than the baseline in the same runs", async () => {
    const out: string[] = [];
    const code = await main(
      ["compare", "data/scenarios/basis.json", "data/scenarios/vertraging.json", "--runs", "60"],
      (l) => out.push(l),
      () => {},
    );
    expect(code).toBe(0);
    const median = Number(/mediaan (-?[\d.]+)/.exec(out.join("\n"))?.[1].replace(".", ""));
    expect(median).toBeLessThan(0);
  });
});
