import {
  figureValue,
  formatCount,
  formatDecimal,
  formatShare,
  type ParseResult,
  type Scenario,
} from "../../engine/index";
import { h, setMessage } from "../common/dom";
import { builtinScenario } from "../scenario/builtin";
import { levers } from "../scenario/levers";
import type { KeyValueStorage } from "../scenario/storage";
import { describeProblems, REDO_ORIGIN, UNDO_ORIGIN } from "../scenario/store";
import type { StartingWorkbench } from "./context";
import { rangeField } from "./fields";
import { rentSplitField } from "./rent-split";
import { scenarioSelect } from "./scenario-picker";

/**
 * The tenants' organisation's inputs: the starting point (a shipped scenario, or one saved in the planners' notebook), rent
 * increase and a freeze year, sales, acquisitions and warme jassen per year, the share of free
 * allocation, who goes first of urgent households and statushouders, and the streefhuur split over the
 * rent bands. Every change goes through the store (the schema checks it) and starts a new run; a
 * refused change is reported in Dutch and the scenario on screen stays as it was.
 */
export function affordabilityControls(lab: StartingWorkbench, storage?: KeyValueStorage): HTMLElement {
  const slot = h("div", { class: "ws-feedback" });
  const s = lab.store.current();
  const edit = (change: (s: Scenario) => Scenario, origin: string) => {
    // A slider dragged is one step back for "Ongedaan maken".
    const result = lab.store.edit(change, origin, { group: origin });
    setMessage(
      slot,
      "fout",
      result.ok ? "" : result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"),
    );
  };
  const start = startPoint(storage, lab.store.start(), (loaded, label) => {
    const result = loaded.ok ? lab.choose(loaded.value) : loaded;
    if (!result.ok) {
      setMessage(slot, "fout", `"${label}" kon niet worden geladen:\n${describeProblems(result.problems)}`);
      return;
    }
    setMessage(slot, "fout", "");
    show(result.value);
  });
  const pct = (x: number) => formatShare(x).replace(",0%", "%");
  const rent = rangeField({
    label: "Huurverhoging tegenover de loonontwikkeling (na de vastgestelde jaren)",
    name: "huurverhoging",
    min: -0.03,
    max: 0.03,
    step: 0.005,
    value: spreadOf(s),
    format: spreadText,
    onInput: (v) => edit((x) => levers.rentSpread(x, v), "huurverhoging"),
  });
  const years = s.simulation.endYear;
  const startYear = Number(s.simulation.start.slice(0, 4));
  const freeze = h(
    "select",
    {
      name: "huurbevriezing",
      onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        edit((x) => levers.freezeYear(x, v === "" ? undefined : Number(v)), "huurbevriezing");
      },
    },
    h("option", { value: "" }, "geen"),
    // A freeze from the first whole year after the start to the last simulated year.
    ...Array.from({ length: years - startYear }, (_, i) => startYear + 1 + i).map((y) =>
      h("option", { value: String(y) }, String(y)),
    ),
  );
  // The policy's sales and purchases are the first corporation's; the warme jas is on all corporations' homes.
  const first = s.corporations[0].name;
  const corporations = s.corporations.length === 1 ? first : "de corporaties";
  const sales = rangeField({
    label: `Verkoop door ${first} per jaar`,
    name: "verkoop",
    min: 0,
    max: 40,
    step: 1,
    value: figureValue(s.policy.sales.perYear),
    format: (v) => `${formatCount(v)} woningen`,
    onInput: (v) => edit((x) => levers.salesPerYear(x, v), "verkoop"),
  });
  const acquisitions = rangeField({
    label: `Aankoop door ${first} per jaar`,
    name: "aankoop",
    min: 0,
    max: 40,
    step: 1,
    value: figureValue(s.policy.acquisitions.perYear),
    format: (v) => `${formatCount(v)} woningen`,
    onInput: (v) => edit((x) => levers.acquisitionsPerYear(x, v), "aankoop"),
  });
  const warmeJas = rangeField({
    label: `Warme jas per jaar (eigen woningen van ${corporations}, slechtste label eerst)`,
    name: "warme-jas",
    min: 0,
    max: 300,
    step: 10,
    value: s.affordability ? figureValue(s.affordability.energy.warmeJasPerYear) : 0,
    format: (v) => `${formatCount(v)} woningen`,
    onInput: (v) => edit((x) => levers.warmeJasPerYear(x, v), "warme jas"),
  });
  const split = rentSplitField({
    onChange: (shares) => edit((x) => levers.rentSplit(x, shares), "streefhuurverdeling"),
    onProblem: (message) =>
      setMessage(slot, "fout", `${message}. De berekening blijft staan tot ze kloppen.`),
  });
  const free = rangeField({
    label: "Vrije toewijzing (aandeel van de toewijzingen)",
    name: "vrije-toewijzing",
    min: 0,
    max: 0.15,
    step: 0.01,
    value: s.allocation ? figureValue(s.allocation.freeAllocation.share) : 0,
    format: pct,
    onInput: (v) => edit((x) => levers.freeAllocationShare(x, v), "vrije toewijzing"),
  });
  const order = h(
    "select",
    {
      name: "voorrang",
      onchange: (e: Event) =>
        edit(
          (x) => levers.firstGroup(x, (e.target as HTMLSelectElement).value as "urgent" | "statushouder"),
          "voorrang",
        ),
    },
    h("option", { value: "urgent" }, "urgenten eerst"),
    h("option", { value: "statushouder" }, "statushouders eerst"),
  );
  /** Put the levers on the values of scenario `x` (at the start, and when another starting point is chosen). */
  function show(x: Scenario): void {
    rent.setValue(spreadOf(x));
    freeze.value = String(x.affordability?.rentPolicy.freezeYears[0] ?? "");
    sales.setValue(figureValue(x.policy.sales.perYear));
    acquisitions.setValue(figureValue(x.policy.acquisitions.perYear));
    warmeJas.setValue(x.affordability ? figureValue(x.affordability.energy.warmeJasPerYear) : 0);
    const bands = x.allocation?.dwellings.rentBandShares;
    if (bands)
      split.setValue({
        kwaliteitskorting: figureValue(bands.kwaliteitskorting),
        aftopping_laag: figureValue(bands.aftopping_laag),
        aftopping_hoog: figureValue(bands.aftopping_hoog),
        liberalisatie: figureValue(bands.liberalisatie),
      });
    free.setValue(x.allocation ? figureValue(x.allocation.freeAllocation.share) : 0);
    order.value = x.allocation?.order[0] === "statushouder" ? "statushouder" : "urgent";
  }
  show(s);
  const picker = start.querySelector("select");
  lab.store.subscribe((x, origin) => {
    if (origin !== UNDO_ORIGIN && origin !== REDO_ORIGIN) return;
    show(x);
    // An undo may bring an earlier starting point back: the picker names it again.
    const named = [...(picker?.options ?? [])].find((o) => o.textContent === lab.store.start().name);
    if (picker && named) picker.value = named.value;
  });
  return h(
    "div",
    { class: "ws-controls ws-affordability-controls" },
    start,
    rent.element,
    h("label", { class: "ws-range" }, h("span", {}, "Huurbevriezing in"), freeze),
    sales.element,
    acquisitions.element,
    warmeJas.element,
    free.element,
    h("label", { class: "ws-range" }, h("span", {}, "Voorrang"), order),
    split.element,
    slot,
  );
}

/** The rent lever's value: how far rents rise above (or below) wages in mode "loon", else 0. */
function spreadOf(s: Scenario): number {
  const policy = s.affordability?.rentPolicy;
  return policy?.mode === "loon" ? figureValue(policy.spread) : 0;
}

/** "gelijk aan de lonen", "lonen + 1,0 procentpunt", "lonen − 0,5 procentpunt". */
function spreadText(x: number): string {
  if (Math.abs(x) < 1e-9) return "gelijk aan de lonen";
  return `lonen ${x > 0 ? "+" : "−"} ${formatDecimal(Math.abs(x) * 100)} procentpunt`;
}

/**
 * The starting point: a shipped scenario, or one saved in the planners' notebook (read, never changed
 * here). Choosing one calls `choose` with the scenario (or why a saved one no longer loads) and its label.
 */
function startPoint(
  storage: KeyValueStorage | undefined,
  first: Scenario,
  choose: (loaded: ParseResult<Scenario>, label: string) => void,
): HTMLElement {
  // The shipped scenarios are one municipality's; a start from elsewhere (a link) lists its own
  // municipality's saved ones, and is named itself until another is chosen.
  const shipped = builtinScenario("basis").municipality.name === first.municipality.name;
  const { element } = scenarioSelect(storage, {
    name: "startpunt",
    savedGroup: "Opgeslagen in de bouwplanning",
    municipality: () => first.municipality.name,
    ...(shipped ? { selected: "builtin:basis" } : { placeholder: first.name }),
    onChoose: (choice, loaded) => choose(loaded, choice.label),
  });
  return h("label", { class: "ws-range" }, h("span", {}, "Startpunt"), element);
}
