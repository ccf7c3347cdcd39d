import {
  figureValue,
  KIND_LABELS,
  OWNER_LABELS,
  OWNERS,
  PROJECT_KINDS,
  type Project,
  type Scenario,
  SEGMENT_LABELS,
  SEGMENTS,
  STATUS_LABELS,
  STATUSES,
} from "../../engine/index";
import { h, setMessage } from "../common/dom";
import { download } from "../common/export";
import { moveProject, withNewProject, withoutProject, withProjectField, withUnits } from "../scenario/edit";
import { applyProjectImport, exportProjects } from "../scenario/project-csv";
import { describeProblems } from "../scenario/store";
import type { Workbench } from "./context";
import { undoButtons } from "./editing";
import { wholeNumber } from "./fields";

/**
 * The project table editor: every project with village, status, planned completion, units per
 * segment, owner and key-project flag; add, remove, move a project in time; import and export the
 * table as CSV. Each edit goes through the store, which refuses an invalid one and keeps the last
 * good scenario; the field then shows the last good value again.
 */

const options = (ids: readonly string[], labels: Record<string, string>, value: string) =>
  ids.map((id) => h("option", { value: id, selected: id === value }, labels[id] ?? id));

export function projectTable({ store }: Pick<Workbench, "store">): HTMLElement {
  const status = h("div", { class: "ws-status", "aria-live": "polite" });
  const say = (kind: "fout" | "info", text: string) => setMessage(status, kind, text);
  const body = h("tbody");
  const count = h("span", { class: "ws-count" });

  const edit = (change: (s: Scenario) => Scenario, origin: string) => {
    const result = store.edit(change, origin);
    if (!result.ok) {
      say("fout", `Deze wijziging kan niet: ${describeProblems(result.problems)}`);
      render(store.current(), true);
    } else say("info", "");
    return result.ok;
  };

  const row = (p: Project, kernen: string[]) => {
    const field = <K extends "name" | "kern" | "status" | "plannedCompletion" | "owner">(
      key: K,
      input: HTMLInputElement | HTMLSelectElement,
    ) => {
      input.addEventListener("change", () =>
        edit((s) => withProjectField(s, p.id, key, input.value as Project[K]), "tabel-veld"),
      );
      return input;
    };
    const units = SEGMENTS.map((segment) => {
      // Text, not type="number": the browser would read "12,5" its own way; this field says it is wrong.
      const input = h("input", {
        type: "text",
        inputmode: "numeric",
        class: "ws-units",
        size: 4,
        name: `${p.id}.${segment}`,
        value: String(figureValue(p.units[segment])),
        "aria-label": `${p.name}: ${SEGMENT_LABELS[segment]}`,
      });
      const schema = wholeNumber(`${p.id} ${SEGMENT_LABELS[segment]}`, 0, 100_000);
      input.addEventListener("change", () => {
        const n = schema.safeParse(input.value);
        if (!n.success) {
          say("fout", n.error.issues[0].message);
          input.value = String(figureValue(p.units[segment]));
          return;
        }
        edit((s) => withUnits(s, p.id, segment, n.data), "tabel-veld");
      });
      return h("td", { class: "ws-num" }, input);
    });
    const key = h("input", {
      type: "checkbox",
      checked: p.sleutelproject,
      "aria-label": `${p.name}: sleutelproject`,
    });
    key.addEventListener("change", () =>
      edit((s) => withProjectField(s, p.id, "sleutelproject", key.checked), "tabel-veld"),
    );
    const kind = h(
      "select",
      { "aria-label": `${p.name}: soort` },
      ...options(PROJECT_KINDS, KIND_LABELS, p.kind),
    );
    kind.addEventListener("change", () =>
      edit((s) => withProjectField(s, p.id, "kind", kind.value as Project["kind"]), "tabel-veld"),
    );
    const move = (months: number, label: string, title: string) =>
      h(
        "button",
        {
          type: "button",
          title,
          dataset: { move: String(months) },
          onclick: () => edit((s) => moveProject(s, p.id, months), "tabel-knop"),
        },
        label,
      );
    return h(
      "tr",
      { dataset: { project: p.id } },
      h("th", { scope: "row" }, p.id),
      h(
        "td",
        {},
        field("name", h("input", { type: "text", value: p.name, "aria-label": `${p.id}: naam`, size: 22 })),
      ),
      h(
        "td",
        {},
        field("kern", h("select", { "aria-label": `${p.name}: kern` }, ...options(kernen, {}, p.kern))),
      ),
      h(
        "td",
        {},
        field(
          "status",
          h("select", { "aria-label": `${p.name}: status` }, ...options(STATUSES, STATUS_LABELS, p.status)),
        ),
      ),
      h(
        "td",
        {},
        field(
          "plannedCompletion",
          h("input", {
            type: "month",
            value: p.plannedCompletion,
            name: `${p.id}.oplevering`,
            "aria-label": `${p.name}: geplande oplevering`,
          }),
        ),
      ),
      ...units,
      h(
        "td",
        {},
        field(
          "owner",
          h("select", { "aria-label": `${p.name}: eigenaar` }, ...options(OWNERS, OWNER_LABELS, p.owner)),
        ),
      ),
      h("td", { class: "ws-center" }, key),
      h("td", {}, kind),
      h(
        "td",
        { class: "ws-actions" },
        move(-12, "−1 jaar", "Een jaar eerder"),
        move(12, "+1 jaar", "Een jaar later"),
        h(
          "button",
          {
            type: "button",
            title: "Verwijder dit project",
            onclick: () => edit((s) => withoutProject(s, p.id), "tabel-knop"),
          },
          "✕",
        ),
      ),
    );
  };

  let shown = "";
  const render = (scenario: Scenario, force = false) => {
    const key = JSON.stringify(scenario.projects);
    if (key === shown && !force) return;
    shown = key;
    // Keep the keyboard where it was: a re-render replaces the buttons.
    const focused = document.activeElement?.closest("tr")?.getAttribute("data-project");
    const focusedMove = (document.activeElement as HTMLElement | null)?.dataset?.move;
    const kernen = scenario.kernen.map((k) => k.id);
    body.replaceChildren(...scenario.projects.map((p) => row(p, kernen)));
    count.textContent = `${scenario.projects.length} projecten`;
    if (focused && focusedMove)
      body.querySelector<HTMLElement>(`tr[data-project="${focused}"] [data-move="${focusedMove}"]`)?.focus();
  };
  store.subscribe((scenario) => render(scenario));
  render(store.current());

  const fileInput = h("input", {
    type: "file",
    accept: ".csv,text/csv",
    name: "projecten-csv",
    hidden: true,
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const before = store.current().projects.map((p) => p.id);
    const applied = applyProjectImport(store.current(), await file.text());
    const bad = applied.problems.map((p) =>
      p.row > 0 ? `rij ${p.row}, kolom ${p.column}: ${p.message}` : `${p.column}: ${p.message}`,
    );
    if (applied.scenario) store.apply(applied.scenario, "csv");
    // The file is the new table: say which projects it left out, so none disappears unnoticed.
    const after = new Set(applied.scenario?.projects.map((p) => p.id) ?? before);
    const dropped = before.filter((id) => !after.has(id));
    const kept =
      `${applied.imported} ${applied.imported === 1 ? "project" : "projecten"} ingelezen uit ${file.name}.` +
      (dropped.length > 0 ? ` Niet in het bestand en dus verwijderd: ${dropped.join(", ")}.` : "");
    if (bad.length === 0) say("info", kept);
    else
      say(
        "fout",
        `${applied.scenario ? kept : "Niets ingelezen."} ${bad.length === 1 ? "Eén rij" : `${bad.length} meldingen`} niet overgenomen:\n${bad.join("\n")}`,
      );
  });

  const header = h(
    "tr",
    {},
    ...[
      "id",
      "naam",
      "kern",
      "status",
      "oplevering",
      ...SEGMENTS.map((s) => SEGMENT_LABELS[s]),
      "eigenaar",
      "sleutel",
      "soort",
      "",
    ].map((t) => h("th", { scope: "col" }, t)),
  );
  const button = (label: string, onclick: () => unknown) => h("button", { type: "button", onclick }, label);
  const element = h(
    "div",
    { class: "ws-projects" },
    h(
      "div",
      { class: "ws-row" },
      button("Project toevoegen", () => edit(withNewProject, "tabel-knop")),
      button("Importeer CSV…", () => fileInput.click()),
      fileInput,
      button("Exporteer CSV", () =>
        download(
          "projecten.csv",
          new Blob([exportProjects(store.current())], { type: "text/csv;charset=utf-8" }),
        ),
      ),
      undoButtons({ store }),
      count,
    ),
    status,
    h("div", { class: "ws-table-scroll" }, h("table", { class: "ws-table" }, h("thead", {}, header), body)),
  );
  return element;
}
