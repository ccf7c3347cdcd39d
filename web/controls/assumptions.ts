import { figureValue, formatCount, type Scenario } from "../../engine/index";
import { h, setMessage } from "../common/dom";
import { ASSUMPTION_STATUSES, type FieldPath, figureAt, withFigure, withTriangle } from "../scenario/edit";
import type { ScenarioStore } from "../scenario/store";
import { describeProblems } from "../scenario/store";
import type { Workbench } from "./context";
import { type NumberField, numberField, type RangeField, rangeField, wholeNumber } from "./fields";

/**
 * The delay assumptions: per status the drop-out chance and the delay (usual and longest), the
 * shocks, the procedure capacity, the acceleration levers, the share of dropped plans replaced, and
 * the number of runs and the seed. Every move of a slider is an edit; the worker pool cancels the
 * run of the previous value.
 */

const STATUS_TITLES = {
  in_aanbouw: "In aanbouw",
  hard: "Harde plannen",
  zacht: "Zachte plannen",
  ambitie: "Ambitie",
} as const;

const percent = (x: number) => `${formatCount(x * 100)}%`;
const months = (x: number) => `${formatCount(x)} mnd`;

type Refresh = (scenario: Scenario) => void;

/** Shocks and levers differ between scenarios; the controls are rebuilt when they do. */
const structureOf = (s: Scenario) =>
  JSON.stringify([
    s.pipeline.shocks.map((x) => [x.id, x.label]),
    s.pipeline.levers.map((x) => [x.id, x.label]),
  ]);

export function assumptionControls({ store }: Pick<Workbench, "store">): HTMLElement {
  let refreshers: Refresh[] = [];
  let structure = structureOf(store.current());
  const build = () => {
    refreshers = [];
    return buildControls(store, refreshers);
  };
  const element = h("div", { class: "ws-assumptions" }, build());
  store.subscribe((s, origin) => {
    if (structureOf(s) !== structure) {
      structure = structureOf(s);
      element.replaceChildren(build());
    } else if (origin !== "aanname") for (const refresh of refreshers) refresh(s);
  });
  return element;
}

function buildControls(store: ScenarioStore, refreshers: Refresh[]): HTMLElement {
  const status = h("div", { class: "ws-status", "aria-live": "polite" });
  /** `group`: a slider's name, so that dragging it is one step back for "Ongedaan maken". */
  const apply = (change: (s: Scenario) => Scenario, group?: string): string | undefined => {
    const result = store.edit(change, "aanname", { group });
    if (result.ok) {
      setMessage(status, "info", "");
      return undefined;
    }
    const text = describeProblems(result.problems);
    setMessage(status, "fout", `Deze waarde kan niet: ${text}`);
    return text;
  };

  const figureSlider = (
    label: string,
    path: FieldPath,
    min: number,
    max: number,
    step: number,
    format: (x: number) => string,
  ) => {
    const field: RangeField = rangeField({
      label,
      min,
      max,
      step,
      format,
      name: path.join("."),
      value: figureAt(store.current(), path),
      onInput: (value) => apply((s) => withFigure(s, path, value), path.join(".")),
    });
    refreshers.push((s) => field.setValue(figureAt(s, path)));
    return field.element;
  };
  const delaySlider = (label: string, path: FieldPath, part: "mode" | "max") => {
    const field: RangeField = rangeField({
      label,
      min: 0,
      max: 60,
      step: 1,
      format: months,
      name: [...path, part].join("."),
      value: figureAt(store.current(), [...path, part]),
      onInput: (value) => apply((s) => withTriangle(s, path, part, value), [...path, part].join(".")),
    });
    refreshers.push((s) => field.setValue(figureAt(s, [...path, part])));
    return field.element;
  };

  const statusGroups = ASSUMPTION_STATUSES.map((st) => {
    const base = ["pipeline", "statuses", st];
    return h(
      "fieldset",
      { class: "ws-group", dataset: { status: st } },
      h("legend", {}, STATUS_TITLES[st]),
      figureSlider("Uitval", [...base, "dropOut"], 0, 0.8, 0.01, percent),
      delaySlider("Vertraging, meestal", [...base, "delayMonths"], "mode"),
      delaySlider("Vertraging, hoogstens", [...base, "delayMonths"], "max"),
      figureSlider("Kans op bezwaar", [...base, "objection", "chance"], 0, 1, 0.01, percent),
    );
  });

  const scenario = store.current();
  const shocks = scenario.pipeline.shocks.map((shock, i) =>
    figureSlider(
      `${shock.label}: kans per jaar`,
      ["pipeline", "shocks", i, "chancePerYear"],
      0,
      1,
      0.01,
      percent,
    ),
  );
  const levers = scenario.pipeline.levers.map((lever, i) => {
    const box = h("input", { type: "checkbox", checked: lever.active, name: `hefboom.${lever.id}` });
    box.addEventListener("change", () => {
      const problem = apply((s) => {
        const copy = structuredClone(s);
        copy.pipeline.levers[i].active = box.checked;
        return copy;
      });
      if (problem) box.checked = !box.checked;
    });
    refreshers.push((s) => {
      box.checked = s.pipeline.levers[i]?.active ?? false;
    });
    return h(
      "label",
      { class: "ws-check" },
      box,
      ` ${lever.label} (${months(figureValue(lever.monthsSaved))} sneller)`,
    );
  });

  const simulationField = (label: string, key: "runs" | "seed", min: number, max: number): NumberField => {
    const field = numberField({
      label,
      name: `simulation.${key}`,
      value: store.current().simulation[key],
      schema: wholeNumber(label, min, max),
      onChange: (value) => apply((s) => ({ ...s, simulation: { ...s.simulation, [key]: value } })),
      onProblem: (text) => setMessage(status, "fout", text),
    });
    refreshers.push((s) => field.setValue(s.simulation[key]));
    return field;
  };

  return h(
    "div",
    {},
    h("div", { class: "ws-groups" }, ...statusGroups),
    h(
      "div",
      { class: "ws-groups" },
      h("fieldset", { class: "ws-group" }, h("legend", {}, "Schokken"), ...shocks),
      h(
        "fieldset",
        { class: "ws-group" },
        h("legend", {}, "Procedures"),
        figureSlider(
          "Projecten per jaar door de procedure",
          ["pipeline", "capacity", "projectsPerYear"],
          1,
          15,
          1,
          formatCount,
        ),
        figureSlider(
          "Uitgevallen zachte plannen vervangen",
          ["pipeline", "replacement", "chance"],
          0,
          1,
          0.01,
          percent,
        ),
      ),
      h("fieldset", { class: "ws-group" }, h("legend", {}, "Versnellen"), ...levers),
      h(
        "fieldset",
        { class: "ws-group" },
        h("legend", {}, "Berekening"),
        simulationField("Aantal runs", "runs", 100, 20_000).element,
        simulationField("Seed", "seed", 0, 2 ** 31 - 1).element,
      ),
    ),
    status,
  );
}
