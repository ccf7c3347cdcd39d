import type { Scenario } from "../../engine/index";
import { type ScenarioTexts, scenarioTexts } from "./texts";

/**
 * The scenario's words as a notebook's text cells use them (`${t.gemeente}`), following the scenario on
 * the page. The cells are HTML cells: Notebook Kit renders them with htl at run time, which writes every
 * interpolated name as text, so a name from a file or a link anyone can write is shown as written and
 * never read as HTML. (Markdown cells with \${…} would need Notebook Kit's Markdown renderer on every
 * page at run time: 57 kB gzipped more script.)
 */
export type NotebookTexts = { [K in keyof ScenarioTexts]: string } & {
  /** "de huurdersorganisatie SHBL", or "de huurdersorganisatie" when the scenario names none. */
  tenants: string;
  /** "SHBL", or "de huurdersorganisatie": who a notebook is for, as a short name. */
  tenantsShort: string;
};

export function notebookTexts(texts: ScenarioTexts): NotebookTexts {
  const words = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, String(v)])) as {
    [K in keyof ScenarioTexts]: string;
  };
  const name = words.tenantsName;
  return {
    ...words,
    tenants: name ? `de huurdersorganisatie ${name}` : "de huurdersorganisatie",
    tenantsShort: name || "de huurdersorganisatie",
  };
}

/** Anything that holds the page's scenario and says when it changes (a scenario store). */
export interface ScenarioSource {
  current(): Scenario;
  subscribe(listener: (scenario: Scenario) => void): () => void;
}

/**
 * The texts of a scenario that stays on the page (the overview, the method), and the page's
 * title made from it when `title` is given ("Woonscenario Losser").
 */
export function textsFor(scenario: Scenario, title?: (t: ScenarioTexts) => string): NotebookTexts {
  const texts = scenarioTexts(scenario);
  if (title) document.title = title(texts);
  return notebookTexts(texts);
}

/**
 * For `Generators.observe`: the texts now and after each change of the scenario that changes
 * them (a slider moved changes no name, so the text cells are not drawn again for it), and the page's
 * title with them.
 */
export function observeTexts(
  source: ScenarioSource,
  title?: (t: ScenarioTexts) => string,
): (notify: (t: NotebookTexts) => void) => () => void {
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
