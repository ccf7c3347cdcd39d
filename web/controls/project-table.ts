import {
  figureValue,
  KIND_LABELS,
  ownerLabels,
  ownersOf,
  PROJECT_KINDS,
  type Project,
  type Scenario,
  SEGMENT_LABELS,
  SEGMENTS,
  STATUS_LABELS,
  STATUSES,
} from "../../engine/index";
import { h, message, setMessage } from "../common/dom";
import { download } from "../common/export";
import { projectHomes } from "../scenario/changes";
import { moveProject, withNewProject, withoutProject, withProjectField, withUnits } from "../scenario/edit";
import { exportProjects, type ImportMode, planProjectImport, type RowProblem } from "../scenario/project-csv";
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

  /** The scenario's owners to choose from: its corporations by name, then the two other owners. */
  type Choices = { kernen: string[]; owners: readonly string[]; ownerLabels: Record<string, string> };
  const row = (p: Project, { kernen, owners, ownerLabels }: Choices) => {
    /** A cell with the column's name, which a phone shows above the field (the table is then a card). */
    const cell = (label: string, ...children: (Node | string)[]) =>
      h("td", { dataset: { label } }, ...children);
    const field = <K extends "name" | "kern" | "status" | "plannedCompletion" | "owner">(
      key: K,
      input: HTMLInputElement | HTMLSelectElement,
    ) => {
      input.addEventListener("change", () =>
        edit((s) => withProjectField(s, p.id, key, input.value as Project[K]), "tabel-veld"),
      );
      return input;
    };
    const select = (
      name: string,
      label: string,
      ids: readonly string[],
      labels: Record<string, string>,
      value: string,
    ) =>
      h(
        "select",
        { name: `${p.id}.${name}`, "aria-label": `${p.name}: ${label}`, title: labels[value] ?? value },
        ...options(ids, labels, value),
      );
    const units = SEGMENTS.map((segment) => {
      // Text, not type="number": the browser would read "12,5" its own way; this field says it is wrong.
      const input = h("input", {
        type: "text",
        inputmode: "numeric",
        class: "ws-units",
        name: `${p.id}.${segment}`,
        value: String(figureValue(p.units[segment])),
        "aria-label": `${p.name}: ${SEGMENT_LABELS[segment]}`,
      });
      const schema = wholeNumber(`${p.id} ${SEGMENT_LABELS[segment]}`, 0, 100_000);
      input.addEventListener("change", () => {
        const n = schema.safeParse(input.value);
        if (!n.success) {
          say("fout", `${n.error.issues[0].message}. Er is niets veranderd.`);
          input.value = String(figureValue(p.units[segment]));
          return;
        }
        edit((s) => withUnits(s, p.id, segment, n.data), "tabel-veld");
      });
      const td = cell(segment === "betaalbare_koop" ? "betaalb. koop" : SEGMENT_LABELS[segment], input);
      td.classList.add("ws-num");
      return td;
    });
    const key = h("input", {
      type: "checkbox",
      name: `${p.id}.sleutelproject`,
      checked: p.sleutelproject,
      "aria-label": `${p.name}: sleutelproject`,
    });
    key.addEventListener("change", () =>
      edit((s) => withProjectField(s, p.id, "sleutelproject", key.checked), "tabel-veld"),
    );
    const kind = select("soort", "soort", PROJECT_KINDS, KIND_LABELS, p.kind);
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
    const sleutel = cell("sleutelproject", key);
    sleutel.classList.add("ws-center");
    return h(
      "tr",
      { dataset: { project: p.id } },
      h(
        "th",
        { scope: "row", class: "ws-project-name" },
        h("span", { class: "ws-project-id" }, p.id),
        field(
          "name",
          h("input", { type: "text", name: `${p.id}.naam`, value: p.name, "aria-label": `${p.id}: naam` }),
        ),
      ),
      cell("kern", field("kern", select("kern", "kern", kernen, {}, p.kern))),
      cell("status", field("status", select("status", "status", STATUSES, STATUS_LABELS, p.status))),
      cell(
        "oplevering",
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
      cell("eigenaar", field("owner", select("eigenaar", "eigenaar", owners, ownerLabels, p.owner))),
      sleutel,
      cell("soort", kind),
      h(
        "td",
        { class: "ws-actions" },
        move(-12, "−1 jaar", "Een jaar eerder"),
        move(12, "+1 jaar", "Een jaar later"),
        h(
          "button",
          {
            type: "button",
            title: `Verwijder ${p.id} ${p.name} (Ongedaan maken zet het terug)`,
            "aria-label": `Verwijder ${p.id} ${p.name}`,
            dataset: { remove: p.id },
            onclick: () => {
              if (edit((s) => withoutProject(s, p.id), "tabel-knop"))
                say("info", `${p.id} ${p.name} is verwijderd. Ongedaan maken zet het terug.`);
            },
          },
          "✕",
        ),
      ),
    );
  };

  let shown = "";
  const render = (scenario: Scenario, force = false) => {
    const key = JSON.stringify([scenario.projects, scenario.corporations]);
    if (key === shown && !force) return;
    shown = key;
    // Keep the keyboard where it was: a re-render replaces the buttons.
    const focused = document.activeElement?.closest("tr")?.getAttribute("data-project");
    const focusedMove = (document.activeElement as HTMLElement | null)?.dataset?.move;
    const owners = ownersOf(scenario.corporations);
    const choices = {
      kernen: scenario.kernen.map((k) => k.id),
      owners: owners.ids,
      ownerLabels: ownerLabels(owners),
    };
    body.replaceChildren(...scenario.projects.map((p) => row(p, choices)));
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
  // The import is shown before it is done: what it adds, changes and removes per project id.
  const preview = h("section", { class: "ws-import", hidden: true, "aria-label": "Voorbeeld van de import" });
  let pending: { name: string; text: string; mode: ImportMode } | undefined;
  const problemLine = (p: RowProblem) =>
    p.row <= 0
      ? `${p.column}: ${p.message}`
      : p.column === "(rij)"
        ? `rij ${p.row}: ${p.message}`
        : `rij ${p.row}, kolom ${p.column}: ${p.message}`;
  const closePreview = () => {
    pending = undefined;
    preview.hidden = true;
    preview.replaceChildren();
  };
  const showPreview = () => {
    if (!pending) return closePreview();
    const { name, text, mode } = pending;
    const plan = planProjectImport(store.current(), text, mode);
    const modeChoice = (value: ImportMode, label: string, hint: string) => {
      const radio = h("input", {
        type: "radio",
        name: "import-wijze",
        value,
        checked: mode === value,
        onchange: () => {
          if (pending) pending.mode = value;
          showPreview();
        },
      });
      return h("label", { class: "ws-check" }, radio, h("span", {}, h("strong", {}, label), ` — ${hint}`));
    };
    const title = (p: Project) => `${p.id} ${p.name}`;
    const item = (kind: string, ...children: (Node | string)[]) =>
      h("li", { dataset: { import: kind } }, ...children);
    const items = [
      ...plan.added.map((p) =>
        item("toegevoegd", h("strong", {}, "Nieuw: "), `${title(p)} (${projectHomes(p)})`),
      ),
      ...plan.changed.map(({ project, changes }) =>
        item(
          "gewijzigd",
          h("strong", {}, "Gewijzigd: "),
          `${title(project)} — `,
          changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join("; "),
        ),
      ),
      ...plan.removed.map((p) =>
        item(
          "verwijderd",
          h("strong", {}, "Verwijderd: "),
          `${title(p)} (${projectHomes(p)}, niet in het bestand)`,
        ),
      ),
      ...plan.kept.map(({ project, rows }) =>
        item(
          "behouden",
          h("strong", {}, "Blijft zoals het was: "),
          `${title(project)}${rows.length > 0 ? ` — ${rows.length === 1 ? "rij" : "rijen"} ${rows.join(", ")} niet te lezen` : ""}`,
        ),
      ),
    ];
    const changes = plan.added.length + plan.changed.length + plan.removed.length;
    const counts = [
      `${plan.added.length} nieuw`,
      `${plan.changed.length} gewijzigd`,
      `${plan.removed.length} verwijderd`,
      ...(plan.kept.length > 0 ? [`${plan.kept.length} blijven zoals ze waren`] : []),
    ].join(" · ");
    const apply = h(
      "button",
      {
        type: "button",
        name: "import-toepassen",
        disabled: !plan.scenario || changes === 0,
        onclick: () => {
          if (!pending) return;
          const now = planProjectImport(store.current(), pending.text, pending.mode);
          closePreview();
          if (!now.scenario) return;
          const result = store.apply(now.scenario, "csv");
          if (!result.ok) return say("fout", `De import kan niet: ${describeProblems(result.problems)}`);
          const done =
            `${now.imported} ${now.imported === 1 ? "rij" : "rijen"} ingelezen uit ${name}: ${now.added.length} nieuw, ` +
            `${now.changed.length} gewijzigd, ${now.removed.length} verwijderd. Ongedaan maken zet de tabel terug.`;
          if (now.problems.length === 0) say("info", done);
          else
            say(
              "fout",
              `${done} ${now.problems.length === 1 ? "Eén melding" : `${now.problems.length} meldingen`}; ` +
                `die rijen zijn niet overgenomen en hun projecten blijven zoals ze waren:\n${now.problems.map(problemLine).join("\n")}`,
            );
        },
      },
      "Toepassen",
    );
    const parts: (HTMLElement | false)[] = [
      h("h4", {}, `Wat de import van ${name} doet`),
      h(
        "fieldset",
        { class: "ws-import-mode" },
        h("legend", {}, "Hoe inlezen?"),
        modeChoice(
          "samenvoegen",
          "Samenvoegen op id",
          "alleen de projecten in het bestand veranderen of komen erbij",
        ),
        modeChoice(
          "vervangen",
          "Vervangen",
          "het bestand wordt de projectenlijst; wat er niet in staat, gaat eruit",
        ),
      ),
      h(
        "p",
        { class: "ws-import-counts" },
        !plan.scenario
          ? "Niets in te lezen."
          : changes === 0
            ? `Het bestand verandert niets. ${counts}`
            : counts,
      ),
      plan.unidentified.length > 0 && mode === "vervangen"
        ? message(
            "info",
            `${plan.unidentified.length === 1 ? "Rij" : "Rijen"} ${plan.unidentified.join(", ")} ${plan.unidentified.length === 1 ? "is" : "zijn"} niet te lezen en ${plan.unidentified.length === 1 ? "noemt" : "noemen"} geen bekend project: daarom wordt er niets verwijderd.`,
          )
        : false,
      items.length > 0 ? h("ul", { class: "ws-import-list" }, ...items) : false,
      plan.notes.length > 0
        ? h(
            "div",
            {},
            h("strong", {}, "Zo gelezen:"),
            h("ul", {}, ...plan.notes.map((n) => h("li", {}, problemLine(n)))),
          )
        : false,
      plan.problems.length > 0
        ? h(
            "div",
            { class: "ws-import-problems" },
            h("strong", {}, "Niet te lezen (deze rijen worden niet overgenomen):"),
            h("ul", {}, ...plan.problems.map((p) => h("li", {}, problemLine(p)))),
          )
        : false,
      h(
        "div",
        { class: "ws-row" },
        apply,
        h("button", { type: "button", name: "import-annuleren", onclick: closePreview }, "Annuleren"),
      ),
    ];
    preview.replaceChildren(...parts.filter((x): x is HTMLElement => x !== false));
    preview.hidden = false;
  };
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    say("info", "");
    pending = { name: file.name, text: await file.text(), mode: pending?.mode ?? "samenvoegen" };
    showPreview();
    preview.scrollIntoView?.({ block: "nearest" });
  });

  // Column widths fit the notebook's column at 1440 px: every field and button in view, no scrolling
  // sideways; long labels in a select are cut off there and given whole in its title.
  const columns: [string, string, string?][] = [
    ["naam", "ws-col-name"],
    ["kern", "ws-col-kern"],
    ["status", "ws-col-status"],
    ["oplevering", "ws-col-month"],
    ...SEGMENTS.map((s): [string, string, string] => [SHORT_SEGMENTS[s], "ws-col-units", SEGMENT_LABELS[s]]),
    ["eigenaar", "ws-col-owner"],
    ["sleutel", "ws-col-key", "sleutelproject"],
    ["soort", "ws-col-kind"],
    ["", "ws-col-actions", "verschuiven of verwijderen"],
  ];
  const header = h("tr", {}, ...columns.map(([text, , title]) => h("th", { scope: "col", title }, text)));
  const colgroup = h("colgroup", {}, ...columns.map(([, cls]) => h("col", { class: cls })));
  const button = (label: string, onclick: () => unknown, name?: string) =>
    h("button", { type: "button", onclick, name }, label);
  const element = h(
    "div",
    { class: "ws-projects" },
    h(
      "div",
      { class: "ws-row" },
      button("Project toevoegen", () => edit(withNewProject, "tabel-knop")),
      button("Importeer CSV…", () => fileInput.click()),
      fileInput,
      button(
        "Exporteer CSV",
        () =>
          download(
            "projecten.csv",
            new Blob([exportProjects(store.current())], { type: "text/csv;charset=utf-8" }),
          ),
        "projecten-exporteren",
      ),
      undoButtons({ store }),
      count,
    ),
    preview,
    status,
    h(
      "div",
      { class: "ws-table-scroll ws-project-scroll" },
      h("table", { class: "ws-table ws-project-table" }, colgroup, h("thead", {}, header), body),
    ),
  );
  return element;
}

/** Segment names short enough for a column of four digits; the whole name is in the header's title. */
const SHORT_SEGMENTS: Record<(typeof SEGMENTS)[number], string> = {
  sociale_huur: "sociale huur",
  middenhuur: "midden\u00adhuur",
  betaalbare_koop: "betaal\u00adbare koop",
  duur: "duur",
};
