import { contentHash, type Scenario } from "../../engine/index";
import type { RunResult, Session } from "./session";
import { type Signal, signal } from "./signal";

/**
 * The result of the starting point, kept while SHBL moves the levers, so that each chart can say what a
 * change did ("Bij het startpunt: 250 huishoudens"). It is the first full result of the scenario as it
 * was chosen: that scenario is what runs first, so no extra run is needed. A preview, or a result of an
 * edited scenario, is never taken for it.
 */
export interface Reference {
  result: Signal<RunResult | undefined>;
  /** Another starting point was chosen: forget the old result and wait for the new one's. */
  restart(start: Scenario): void;
}

export function trackReference(session: Session, start: Scenario): Reference {
  let hash = contentHash(start);
  const result = signal<RunResult | undefined>(undefined);
  session.result.subscribe((r) => {
    if (r && !r.preliminary && r.summary.meta.scenarioHash === hash && result.get() !== r) result.set(r);
  });
  return {
    result,
    restart(next) {
      hash = contentHash(next);
      result.set(undefined);
    },
  };
}

/** The clause a figure's sentence gets when the scenario on screen is not the starting point. */
export function referenceSentence(value: number, format: (value: number) => string): string {
  return ` Bij het startpunt: ${format(value)}.`;
}
