import { SEEKER_GROUPS, type SeekerChoice } from "../charts/readings";
import { h } from "../common/dom";

/**
 * Whose search time the chart per kern shows: all regular home-seekers, or one household type ("hoe
 * lang wacht een starter in Overdinkel?"). An input for a notebook's `view()`: its value is the choice.
 */
export function seekerChoice(initial: SeekerChoice = "regulier"): HTMLElement & { value: SeekerChoice } {
  const options: [SeekerChoice, string][] = [
    ["regulier", "alle reguliere woningzoekenden"],
    ...Object.entries(SEEKER_GROUPS).map(([type, label]): [SeekerChoice, string] => [
      type as SeekerChoice,
      label,
    ]),
  ];
  const select = h(
    "select",
    { name: "zoektijd-wie", "aria-label": "Zoektijd per kern van" },
    ...options.map(([value, label]) => h("option", { value, selected: value === initial }, label)),
  );
  const element = h(
    "label",
    { class: "ws-range ws-seeker-choice" },
    h("span", {}, "Zoektijd per kern van"),
    select,
  ) as unknown as HTMLElement & { value: SeekerChoice };
  element.value = initial;
  // The select's own input event bubbles to the label, where view() listens; the value is read first.
  select.addEventListener("input", () => {
    element.value = select.value as SeekerChoice;
  });
  return element;
}
