import type { ParseResult, Scenario } from "../../engine/index";
import { h } from "../common/dom";
import {
  linkedChoice,
  type ScenarioChoice,
  scenarioChoices,
  shippedBaselineChoice,
} from "../scenario/choices";
import type { KeyValueStorage } from "../scenario/storage";

/**
 * The one scenario picker, in its two forms: a select for one scenario (the planners' scenario bar,
 * the tenants' starting point) and checkboxes for several (the council's comparison). Both list the same
 * choices (see ../scenario/choices): the shipped scenarios, then those saved in this browser, of the
 * municipality the page shows when it says which.
 */

export interface ScenarioSelectOptions {
  /** The select's name (its value is a choice's key). */
  name: string;
  /** The label of the group of saved scenarios. */
  savedGroup: string;
  /** Show that group when nothing is saved (an empty group says where a saved one would go). */
  showEmptySaved?: boolean;
  /** A first option, not to be chosen, asking to choose; selected when nothing else is. */
  placeholder?: string;
  "aria-label"?: string;
  /** The key selected at first; without it the placeholder, or the first choice. */
  selected?: string;
  /** The municipality whose scenarios are listed (read at each refill); all when not given. */
  municipality?: () => string;
  /** Called with the choice and its scenario loaded (a saved one may not load). */
  onChoose(choice: ScenarioChoice, loaded: ParseResult<Scenario>): void;
}

export interface ScenarioSelect {
  element: HTMLSelectElement;
  /** Read the saved scenarios again (after a save or delete) and select `selected`, or none. */
  refill(selected?: string): void;
  /** The chosen choice, if any. */
  chosen(): ScenarioChoice | undefined;
}

export function scenarioSelect(
  storage: KeyValueStorage | undefined,
  options: ScenarioSelectOptions,
): ScenarioSelect {
  const element = h("select", { name: options.name, "aria-label": options["aria-label"] });
  let choices: ScenarioChoice[] = [];
  const option = (c: ScenarioChoice) => h("option", { value: c.key }, c.label);
  const refill = (selected?: string) => {
    choices = scenarioChoices(storage, options.municipality?.());
    const saved = choices.filter((c) => c.kind === "saved");
    const builtin = choices.filter((c) => c.kind === "builtin");
    // Another municipality's scenarios hide the shipped ones; the shipped baseline stays reachable.
    const back = builtin.length === 0 ? [shippedBaselineChoice()] : [];
    choices.push(...back);
    element.replaceChildren(
      ...(options.placeholder !== undefined
        ? [h("option", { value: "", disabled: true }, options.placeholder)]
        : []),
      ...(builtin.length > 0 ? [h("optgroup", { label: "Meegeleverd" }, ...builtin.map(option))] : []),
      ...(saved.length > 0 || options.showEmptySaved
        ? [h("optgroup", { label: options.savedGroup }, ...saved.map(option))]
        : []),
      ...(back.length > 0 ? [h("optgroup", { label: "Terug" }, ...back.map(option))] : []),
    );
    element.value = selected ?? "";
  };
  refill(options.selected);
  const chosen = () => choices.find((c) => c.key === element.value);
  element.addEventListener("change", () => {
    const choice = chosen();
    if (choice) options.onChoose(choice, choice.load());
  });
  return { element, refill, chosen };
}

export interface ScenarioCheckboxesOptions {
  /** The keys checked at first. */
  initial: readonly string[];
  /** How many may be compared: fewer or more is said, and not passed on. */
  min: number;
  max: number;
  legend: string;
  /** What is said when the number checked is outside [min, max]. */
  outOfRange: string;
  /** The label of a choice; its own label unless given. */
  label?: (choice: ScenarioChoice) => string;
  /** The municipality whose scenarios are listed; all when not given. */
  municipality?: string;
  /** A scenario the page was opened with from a link: the first choice, key "link". */
  linked?: Scenario;
}

/**
 * Checkboxes for several scenarios; an input for a notebook's `view()`: its value is the list of chosen
 * scenarios that load, and it only reports a choice of `min` to `max`.
 */
export function scenarioCheckboxes(
  storage: KeyValueStorage | undefined,
  options: ScenarioCheckboxesOptions,
): HTMLElement & { value: Scenario[] } {
  const choices = [
    ...(options.linked ? [linkedChoice(options.linked)] : []),
    ...scenarioChoices(storage, options.municipality),
  ];
  const note = h("p", { class: "ws-message ws-message--info", role: "status", hidden: true });
  const boxes = choices.map((c) =>
    h("input", {
      type: "checkbox",
      name: "scenario",
      value: c.key,
      checked: options.initial.includes(c.key),
    }),
  );
  const element = h(
    "fieldset",
    { class: "ws-picker" },
    h("legend", {}, options.legend),
    ...choices.map((c, i) => h("label", {}, boxes[i], ` ${options.label?.(c) ?? c.label}`)),
    note,
  ) as unknown as HTMLElement & { value: Scenario[] };
  const read = () =>
    choices
      .filter((_, i) => boxes[i].checked)
      .map((c) => c.load())
      .flatMap((r) => (r.ok ? [r.value] : []));
  element.value = read();
  element.addEventListener("input", (event) => {
    const chosen = read();
    const ok = chosen.length >= options.min && chosen.length <= options.max;
    note.hidden = ok;
    note.textContent = ok ? "" : options.outOfRange;
    if (ok) element.value = chosen;
    else event.stopImmediatePropagation();
  });
  return element;
}
