import { plausibilityWarnings, type Scenario } from "../../engine/index";
import { h } from "../common/dom";
import type { ScenarioStore } from "../scenario/store";

/**
 * The "onwaarschijnlijk" warnings of the command line's `validate` (engine/analysis/plausibility.ts) on
 * the page: figures that pass the hard limits but no municipality has, most often a typo (an extra
 * zero, months typed as years). The scenario still runs; the note only asks the user to look again.
 */
export function plausibilityNote(store: ScenarioStore): HTMLElement {
  const note = h("div", { class: "ws-plausibility", "aria-live": "polite" });
  const show = (scenario: Scenario) => {
    const warnings = plausibilityWarnings(scenario);
    note.hidden = warnings.length === 0;
    note.replaceChildren(
      ...(warnings.length === 0
        ? []
        : [
            h("p", { class: "ws-message" }, "Let op, klopt dit? De berekening loopt wel door."),
            h(
              "ul",
              {},
              // The messages name the project or figure themselves; "onwaarschijnlijk:" is said above.
              ...warnings.map((w) => h("li", {}, capitalise(w.message.replace(/^onwaarschijnlijk: /, "")))),
            ),
          ]),
    );
  };
  show(store.current());
  store.subscribe(show);
  return note;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
