import { figureValue } from "../../engine/figure";
import { formatCount, formatShare } from "../../engine/format";
import type { Scenario } from "../../engine/scenario";
import { type AffordabilityLab, levers } from "../affordability";
import { h, setMessage } from "../dom";
import { rangeField } from "./fields";

/**
 * SHBL's inputs: rent increase and a freeze year, sales per year, the share of free allocation and
 * who goes first of urgent households and statushouders. Every change goes through the store (the
 * schema checks it) and starts a new run; a refused change is reported in Dutch.
 */
export function affordabilityControls(lab: AffordabilityLab): HTMLElement {
  const slot = h("div", { class: "ws-feedback" });
  const s = lab.store.current();
  const edit = (change: (s: Scenario) => Scenario, origin: string) => {
    const result = lab.store.edit(change, origin);
    setMessage(
      slot,
      "fout",
      result.ok ? "" : result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"),
    );
  };
  const pct = (x: number) => formatShare(x).replace(",0%", "%");
  const rent = rangeField({
    label: "Huurverhoging per jaar vanaf 2026",
    name: "huurverhoging",
    min: 0,
    max: 0.1,
    step: 0.005,
    value: s.affordability ? figureValue(s.affordability.rentPolicy.maximumDefault) : 0.04,
    format: formatShare,
    onInput: (v) => edit((x) => levers.rentIncrease(x, v), "huurverhoging"),
  });
  const years = s.simulation.endYear;
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
    ...Array.from({ length: years - 2025 }, (_, i) => 2026 + i).map((y) =>
      h(
        "option",
        { value: String(y), selected: s.affordability?.rentPolicy.freezeYears.includes(y) },
        String(y),
      ),
    ),
  );
  const sales = rangeField({
    label: "Verkoop door Domijn per jaar",
    name: "verkoop",
    min: 0,
    max: 40,
    step: 1,
    value: figureValue(s.policy.sales.perYear),
    format: (v) => `${formatCount(v)} woningen`,
    onInput: (v) => edit((x) => levers.salesPerYear(x, v), "verkoop"),
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
    h("option", { value: "urgent", selected: s.allocation?.order[0] !== "statushouder" }, "urgenten eerst"),
    h(
      "option",
      { value: "statushouder", selected: s.allocation?.order[0] === "statushouder" },
      "statushouders eerst",
    ),
  );
  return h(
    "div",
    { class: "ws-controls ws-affordability-controls" },
    rent.element,
    h("label", { class: "ws-range" }, h("span", {}, "Huurbevriezing in"), freeze),
    sales.element,
    free.element,
    h("label", { class: "ws-range" }, h("span", {}, "Voorrang"), order),
    slot,
  );
}
