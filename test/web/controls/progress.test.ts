// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { RunResult, Session } from "../../../web/client/session";
import { signal } from "../../../web/client/signal";
import { durationText, progressBar, statusText } from "../../../web/controls/progress";

const result = (runs: number, elapsed: number, preliminary = false) =>
  ({
    summary: {
      meta: {
        runs,
        seed: 1,
        scenarioHash: "479fa940fa4144fa",
        scenarioName: "Basis Losser",
        engineVersion: "0.5.0",
      },
    },
    elapsed,
    preliminary,
  }) as unknown as RunResult;

describe("the status line", () => {
  it("says in plain words how many computations are done and how long they took", () => {
    expect(statusText(undefined, result(1000, 4798))).toBe("1.000 berekeningen klaar in 4,8 s");
    expect(durationText(380)).toBe("0,4 s");
    expect(durationText(72_400)).toBe("1 min 12 s");
  });

  it("says what is under way, and that what is shown is preliminary", () => {
    expect(statusText({ done: 300, total: 1000 }, result(100, 500, true))).toBe(
      "Voorlopig getoond: 100 berekeningen. Bezig: 300 van 1.000 berekeningen",
    );
  });

  it("keeps seed, hash and the summary.json download behind Details", () => {
    const session = {
      result: signal<RunResult | undefined>(undefined),
      progress: signal({ running: true, done: 0, total: 1000 }),
      problem: signal(""),
    } as unknown as Session;
    const element = progressBar(session);
    const details = element.querySelector("details")!;
    expect(details.hidden).toBe(true);
    session.result.set(result(1000, 4798));
    session.progress.set({ running: false, done: 1000, total: 1000 });
    const status = element.querySelector(".ws-progress-text")!.textContent;
    expect(status).toBe("1.000 berekeningen klaar in 4,8 s");
    expect(status).not.toMatch(/seed|479fa940|ms/);
    expect(details.hidden).toBe(false);
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe("Details");
    expect(details.textContent).toContain("seed 1");
    expect(details.textContent).toContain("479fa940fa4144fa");
    expect(details.querySelector<HTMLButtonElement>("button[name=samenvatting]")!.disabled).toBe(false);
  });
});
