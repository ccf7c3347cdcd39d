import type { Scenario } from "../../engine/index";
import { type ScenarioTexts, scenarioTexts } from "./texts";

/**
 * The scenario's words as a notebook's Markdown cells use them (`${t.gemeente}`), following the
 * scenario on the page. The cells' source is Markdown with HTML allowed, and a name comes from a file
 * or a link anyone can write: each name is escaped, so it is shown as written and never read as
 * Markdown or HTML.
 */
export type MarkdownTexts = { [K in keyof ScenarioTexts]: string } & {
  /** "de huurdersorganisatie SHBL", or "de huurdersorganisatie" when the scenario names none. */
  tenants: string;
  /** "de huurdersorganisatie **SHBL**", or "de **huurdersorganisatie**". */
  tenantsStrong: string;
  /** "SHBL", or "de huurdersorganisatie": who a notebook is for, as a short name. */
  tenantsShort: string;
};

/** Markdown's and HTML's special characters written as themselves. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#|~!]/g, (c) => `\\${c}`).replace(/&/g, "&amp;");
}

export function markdownTexts(texts: ScenarioTexts): MarkdownTexts {
  const escaped = Object.fromEntries(
    Object.entries(texts).map(([k, v]) => [k, typeof v === "string" ? escapeMarkdown(v) : String(v)]),
  ) as { [K in keyof ScenarioTexts]: string };
  const name = escaped.tenantsName;
  return {
    ...escaped,
    tenants: name ? `de huurdersorganisatie ${name}` : "de huurdersorganisatie",
    tenantsStrong: name ? `de huurdersorganisatie **${name}**` : "de **huurdersorganisatie**",
    tenantsShort: name || "de huurdersorganisatie",
  };
}

/** Anything that holds the page's scenario and says when it changes (a scenario store). */
export interface ScenarioSource {
  current(): Scenario;
  subscribe(listener: (scenario: Scenario) => void): () => void;
}

/**
 * The Markdown texts of a scenario that stays on the page (the overview, the method), and the page's
 * title made from it when `title` is given ("Woonscenario Losser").
 */
export function textsFor(scenario: Scenario, title?: (t: ScenarioTexts) => string): MarkdownTexts {
  const texts = scenarioTexts(scenario);
  if (title) document.title = title(texts);
  return markdownTexts(texts);
}

/**
 * For `Generators.observe`: the Markdown texts now and after each change of the scenario that changes
 * them (a slider moved changes no name, so the text cells are not drawn again for it), and the page's
 * title with them.
 */
export function observeTexts(
  source: ScenarioSource,
  title?: (t: ScenarioTexts) => string,
): (notify: (t: MarkdownTexts) => void) => () => void {
  return (notify) => {
    let last = "";
    const send = (s: Scenario) => {
      const texts = textsFor(s, title);
      const key = JSON.stringify(texts);
      if (key === last) return;
      last = key;
      notify(texts);
    };
    send(source.current());
    return source.subscribe(send);
  };
}
