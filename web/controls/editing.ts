import type { Scenario } from "../../engine/index";
import { h } from "../common/dom";
import { scenarioChanges } from "../scenario/changes";
import type { ScenarioStore } from "../scenario/store";
import type { Workbench } from "./context";

/**
 * Editing without fear: undo and redo for every change of the scenario (buttons, Ctrl+Z and
 * Ctrl+Shift+Z or Ctrl+Y), and "Wat is er veranderd?", every figure that differs from the starting
 * point with its old and new value. Both read the store's one history, so a table edit, a slider, an
 * import, a deletion and a picked scenario are taken back alike.
 */

const withKeys = new WeakSet<ScenarioStore>();

/** Text being typed keeps the browser's own undo; everywhere else the keys undo the scenario. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && ["text", "search", "number"].includes(target.type);
}

function listenToKeys(store: ScenarioStore): void {
  if (withKeys.has(store)) return;
  withKeys.add(store);
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || typing(event.target)) return;
    const key = event.key.toLowerCase();
    const redo = (key === "z" && event.shiftKey) || (key === "y" && !event.shiftKey);
    const undo = key === "z" && !event.shiftKey;
    if (!undo && !redo) return;
    event.preventDefault();
    if (redo) store.redo();
    else store.undo();
  });
}

/** "Ongedaan maken" and "Opnieuw", enabled when there is something to take back or do again. */
export function undoButtons({ store }: Pick<Workbench, "store">): HTMLElement {
  listenToKeys(store);
  const undo = h(
    "button",
    {
      type: "button",
      name: "ongedaan-maken",
      title: "De laatste wijziging ongedaan maken (Ctrl+Z)",
      onclick: () => store.undo(),
    },
    "↶ Ongedaan maken",
  );
  const redo = h(
    "button",
    {
      type: "button",
      name: "opnieuw",
      title: "De ongedaan gemaakte wijziging opnieuw doen (Ctrl+Shift+Z)",
      onclick: () => store.redo(),
    },
    "↷ Opnieuw",
  );
  const update = () => {
    undo.disabled = !store.canUndo();
    redo.disabled = !store.canRedo();
  };
  store.subscribe(update);
  update();
  return h("span", { class: "ws-undo" }, undo, redo);
}

/** The differences from the starting point as a list, old → new; updated on every change. */
export function changesList({ store }: Pick<Workbench, "store">): HTMLElement {
  const summary = h("summary", {});
  const list = h("ul", { class: "ws-changes-list" });
  const empty = h("p", { class: "ws-muted" });
  const render = () => {
    const start = store.start();
    const changes = scenarioChanges(start, store.current());
    summary.textContent =
      changes.length === 0
        ? "Wat is er veranderd? Niets"
        : `Wat is er veranderd? ${changes.length} ${changes.length === 1 ? "wijziging" : "wijzigingen"}`;
    empty.textContent =
      changes.length === 0 ? `Niets: dit is "${start.name}" zoals het begon.` : `Tegenover "${start.name}":`;
    list.replaceChildren(
      ...changes.map((c) =>
        h(
          "li",
          {},
          h("span", { class: "ws-change-label" }, `${c.label}: `),
          h("span", { class: "ws-change-old" }, c.from),
          " → ",
          h("strong", { class: "ws-change-new" }, c.to),
        ),
      ),
    );
  };
  // A slider being dragged changes the scenario many times a second: the list follows when it pauses.
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(render, 120);
  });
  render();
  return h("details", { class: "ws-changes" }, summary, empty, list);
}

/** Undo, redo and the list of changes together, as the pages show them above their controls. */
export function editBar(workbench: Pick<Workbench, "store">): HTMLElement {
  return h(
    "div",
    { class: "ws-edit-bar" },
    h("div", { class: "ws-row" }, undoButtons(workbench)),
    changesList(workbench),
  );
}

/**
 * For a print: per scenario what it assumes differently from `baseline`, at most `limit` lines each
 * ("… en nog 12"), in the same words as "Wat is er veranderd?".
 */
export function changesFromBaseline(
  baseline: Scenario,
  scenarios: readonly { label: string; scenario: Scenario }[],
  limit = 8,
): HTMLElement {
  return h(
    "div",
    { class: "ws-report-changes" },
    ...scenarios.map(({ label, scenario }) => {
      // Its name is said above its list; only what it assumes is listed.
      const changes = scenarioChanges(baseline, { ...scenario, name: baseline.name });
      const lines = changes.slice(0, limit).map((c) => h("li", {}, `${c.label}: ${c.from} → ${c.to}`));
      if (changes.length > limit) lines.push(h("li", {}, `… en nog ${changes.length - limit}`));
      return h(
        "div",
        { dataset: { scenario: label } },
        h("strong", {}, label),
        changes.length === 0 ? h("p", {}, `Gelijk aan ${baseline.name}.`) : h("ul", {}, ...lines),
      );
    }),
  );
}
