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
