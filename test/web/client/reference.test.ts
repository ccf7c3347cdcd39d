import { describe, expect, it } from "vitest";
import { planningScope } from "../../../engine/scope";
import { referenceSentence, trackReference } from "../../../web/client/reference";
import { createSession } from "../../../web/client/session";
import { createPool } from "../../../web/client/worker-pool";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { loadScenario } from "../../helpers/scenarios";

/** The building plan only, at 100 runs: the reference logic does not depend on the model's size. */
const start = planningScope(loadScenario());
const small = { ...start, simulation: { ...start.simulation, runs: 100 } };
const changed = { ...small, simulation: { ...small.simulation, seed: 9 } };

describe("trackReference", () => {
  it("keeps the first full result of the starting point, not a preview, and not the edits after it", async () => {
    const session = createSession(createPool({ size: 1, spawn: fakeWorker(newLog()) }));
    const reference = trackReference(session, small);
    await session.request(small, { preview: 20 });
    const first = reference.result.get();
    expect(first?.preliminary).toBe(false);
    expect(first?.summary.meta.runs).toBe(100);
    await session.request(changed);
    expect(reference.result.get()).toBe(first);
  });

  it("forgets the old starting point when another is chosen, and keeps the new one's result", async () => {
    const session = createSession(createPool({ size: 1, spawn: fakeWorker(newLog()) }));
    const reference = trackReference(session, small);
    await session.request(small);
    reference.restart(changed);
    expect(reference.result.get()).toBeUndefined();
    await session.request(changed);
    expect(reference.result.get()?.summary.meta.seed).toBe(9);
  });
});

describe("referenceSentence", () => {
  it("says what the starting point gave, in the figure's own format", () => {
    expect(referenceSentence(250, (v) => `${v} huishoudens`)).toBe(" Bij het startpunt: 250 huishoudens.");
  });
});
