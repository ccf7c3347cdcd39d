/** A small element builder for the controls: `h("button", { onclick }, "Opslaan")`. */
type Props = Record<string, unknown> & { class?: string; dataset?: Record<string, string> };
type Child = Node | string | number | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = String(value);
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value as EventListener);
    else if (key in element && typeof value !== "string")
      (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

/** A line of feedback for the user: `role="alert"` for errors so screen readers say them at once. */
export function message(kind: "fout" | "info", text: string): HTMLElement {
  return h(
    "p",
    { class: `ws-message ws-message--${kind}`, role: kind === "fout" ? "alert" : "status" },
    text,
  );
}

export function setMessage(slot: HTMLElement, kind: "fout" | "info", text: string): void {
  slot.replaceChildren(...(text ? [message(kind, text)] : []));
}

/** A table cell: its text, or its text with the cell's props (`{ class: "ws-num" }` for a number). */
export type TableCell = string | { text: string; props: Props };

/** A body row: its cells, and the row's own props (a `dataset` that names what the row is about). */
export interface TableRow {
  cells: readonly TableCell[];
  props?: Props;
}

/** A number's cell: right-aligned, as the pages' number columns are. */
export const numberCell = (text: string): TableCell => ({ text, props: { class: "ws-num" } });

/** A table of text with one header row, built the one way the pages' tables are. */
export function textTable(
  props: Props,
  headers: readonly string[],
  rows: readonly TableRow[],
): HTMLTableElement {
  const cell = (c: TableCell) => (typeof c === "string" ? h("td", {}, c) : h("td", c.props, c.text));
  return h(
    "table",
    props,
    h("thead", {}, h("tr", {}, ...headers.map((text) => h("th", {}, text)))),
    h("tbody", {}, ...rows.map((r) => h("tr", r.props ?? {}, ...r.cells.map(cell)))),
  );
}
