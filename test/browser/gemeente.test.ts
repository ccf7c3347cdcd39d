import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scenario } from "../../engine/index";
import { scenarioFragment } from "../../web/scenario/share-url";
import { STORAGE_KEYS } from "../../web/scenario/storage";
import { loadScenario, parsed } from "../helpers/scenarios";
import { openSite, type Site } from "./harness";

/**
 * Another municipality in every notebook: the fictitious Voorbeeldgemeente (test/fixtures), opened from
 * a share link in each of the six notebooks of one build, in turn. Nothing of Losser may show: not on
 * the screen (text, options, placeholders, titles, chart texts), not in the print, not in a downloaded
 * CSV or SVG. What counts as Losser's: its name, its corporation, its tenants' organisation, its
 * kern Overdinkel, its task "1.225", and each year its agreement names that the fixture nowhere has
 * (a year inside the fixture's own run, or among its national figures, may rightly show).
 */

const OUT_DIR = "dist-gemeente";

const fixtureText = readFileSync(new URL("../fixtures/voorbeeldgemeente.json", import.meta.url), "utf8");
const voorbeeld: Scenario = parsed(JSON.parse(fixtureText));
const losser = loadScenario("basis");

/** Years Losser's agreement names (period, deadline, target windows, the run) that the fixture has nowhere. */
function losserOnlyYears(): number[] {
  const l = losser;
  const named = [
    l.agreement?.fromYear,
    l.agreement?.untilYear,
    l.opgave.deadlineYear,
    Number(l.simulation.start.slice(0, 4)),
    l.simulation.endYear,
    ...[...l.targets.sleutelprojecten, ...l.targets.socialAdditions].flatMap((w) => [
      w.fromYear,
      w.untilYear,
    ]),
  ].filter((y): y is number => y !== undefined);
  const from = Number(voorbeeld.simulation.start.slice(0, 4));
  const ownRun = (y: number) => y >= from && y <= voorbeeld.simulation.endYear;
  return [...new Set(named)].filter((y) => !ownRun(y) && !fixtureText.includes(String(y))).sort();
}

const YEARS = losserOnlyYears();
/**
 * A number on its own, not the digits inside another one: "957,001225" in a CSV row is no 1.225, and
 * "0,2034" no year.
 */
const alone = (number: string) => `(?<![\\d.,])${number}(?![\\d]|[.,]\\d)`;
const WORDS = new RegExp(`Losser|Domijn|SHBL|Overdinkel|${alone("1\\.225")}|${alone("1225")}`, "g");
const FORBIDDEN = new RegExp(`${WORDS.source}${YEARS.map((y) => `|${alone(String(y))}`).join("")}`, "g");

/** Each forbidden word (or, with `years`, year) in `text`, with some text around it to find where it came from. */
function hits(where: string, text: string, years = true): string[] {
  return [...text.matchAll(years ? FORBIDDEN : WORDS)].map(
    (m) =>
      `${where}: "${m[0]}" in …${text.slice(Math.max(0, m.index - 60), m.index + 60).replace(/\s+/g, " ")}…`,
  );
}

/**
 * Years are looked for in what the page writes, not in its data: a chart (its axis, its labels) and a
 * CSV's rows show the fixture's own outcomes, and a project planned near the end of its run completes,
 * in some runs, in 2034 or 2035. So charts and CSV rows are checked for the words only, and the text
 * around them (titles, sentences, captions, tables, the print) and a CSV's header for the years too.
 */
const CHARTS = "figure svg";

/**
 * Everything a reader can see or hear of the page: its text (for the media now emulated), every option,
 * placeholder, title and label, and the charts' texts; and the axis ticks apart.
 */
async function pageText(p: Page): Promise<{ text: string; charts: string }> {
  return p.evaluate((charts) => {
    const aside = [...document.querySelectorAll<HTMLElement | SVGElement>(charts)];
    const before = aside.map((el) => el.style.display);
    for (const el of aside) el.style.display = "none";
    const inner = document.body.innerText;
    aside.forEach((el, i) => {
      el.style.display = before[i];
    });
    const attributes = [
      ...document.querySelectorAll("[placeholder],[title],[aria-label],[alt],[aria-description]"),
    ]
      .flatMap((el) =>
        ["placeholder", "title", "aria-label", "alt", "aria-description"].map((a) => el.getAttribute(a)),
      )
      .filter((v) => v);
    const options = [...document.querySelectorAll("option, optgroup")].map(
      (o) => `${o.textContent} ${o.getAttribute("label") ?? ""}`,
    );
    const svg = [...document.querySelectorAll("svg text, svg title")]
      .filter((t) => !t.closest(charts))
      .map((t) => t.textContent);
    return {
      text: [document.title, inner, ...attributes, ...options, ...svg].join("\n"),
      charts: [...document.querySelectorAll(charts)].map((c) => c.textContent).join("\n"),
    };
  }, CHARTS);
}

/**
 * Wait until nothing changes any more: every run done and the same figures with the same result for
 * two seconds (a first look with fewer runs is followed by the full run, which draws every figure anew).
 */
async function quiet(p: Page, timeout: number): Promise<void> {
  const state = () =>
    p.evaluate(() => {
      const busy = [...document.querySelectorAll<HTMLElement>(".ws-progress")].some(
        (e) => e.dataset.state !== "klaar",
      );
      const figures = [...document.querySelectorAll<HTMLElement>("figure[data-chart]")];
      return busy ? "bezig" : figures.map((f) => `${f.dataset.chart}:${f.dataset.scenarioHash}`).join(" ");
    });
  const end = Date.now() + timeout;
  let last = "";
  let same = 0;
  while (same < 4) {
    if (Date.now() > end) throw new Error(`de pagina kwam niet tot rust: ${last}`);
    await p.waitForTimeout(500);
    const now = await state();
    same = now === last && now !== "bezig" ? same + 1 : 0;
    last = now;
  }
}

/**
 * Kept in the page instead of saved: what each export hands to the browser as a download (the page's
 * one `download` clicks a link to a blob). Reading it there makes the many downloads of a page one
 * step, with no wait on the browser's download machinery (bouwplanning.test.ts checks that).
 */
function keepDownloads(): void {
  const kept: Promise<{ name: string; text: string }>[] = [];
  Object.assign(window, { keptDownloads: kept });
  // The blob behind each link, read as the page made it (a fetch of the link is not allowed here).
  const blobs = new Map<string, Blob>();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!this.download || !blob) return click.call(this);
    const name = this.download;
    kept.push(blob.text().then((text) => ({ name, text })));
  };
}

/** Click every visible export button of the kinds given (CSV, SVG) and read what each downloads. */
async function downloads(p: Page, labels: readonly string[]): Promise<{ name: string; text: string }[]> {
  return p.evaluate(async (kinds) => {
    const w = window as unknown as { keptDownloads: Promise<{ name: string; text: string }>[] };
    w.keptDownloads.length = 0;
    // The print layout's copies of the figures are hidden on screen; their exports are the same.
    const buttons = [...document.querySelectorAll<HTMLButtonElement>(".ws-export button")].filter(
      (b) => b.offsetParent !== null && kinds.includes(b.textContent ?? ""),
    );
    for (const b of buttons) b.click();
    return Promise.all(w.keptDownloads);
  }, labels);
}

let site: Site;
let link: string;
/** Every script a page of the site loaded, by its path. */
const scripts = new Set<string>();

beforeAll(async () => {
  site = await openSite(OUT_DIR);
  await site.browser.context.addInitScript(keepDownloads);
  site.browser.context.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".js")) scripts.add(path);
  });
  link = await scenarioFragment(voorbeeld);
  // The council compares two to four scenarios of one municipality: a second one of the
  // Voorbeeldgemeente, saved in this browser as the planners' notebook saves one.
  const slower: Scenario = structuredClone(voorbeeld);
  slower.name = "Voorbeeldgemeente trager";
  const capacity = slower.pipeline.capacity;
  if (capacity) capacity.projectsPerYear = 2;
  await site.page.goto(`${site.server.url}/index.html`);
  await site.page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [STORAGE_KEYS.saved, JSON.stringify({ [slower.name]: slower })],
  );
}, 300_000);

afterAll(async () => {
  await site?.close();
});

/** Each notebook, and what shows that it has drawn all it will draw for the scenario. */
const NOTEBOOKS: { page: string; ready: string; timeout?: number }[] = [
  { page: "index", ready: "h1:has-text('Voorbeeldgemeente')" },
  { page: "bouwplanning", ready: ".ws-progress[data-state='klaar']", timeout: 120_000 },
  { page: "betaalbaarheid", ready: ".ws-progress[data-state='klaar']", timeout: 240_000 },
  {
    page: "raad",
    ready: ".ws-report .ws-page[data-page='3'] figure",
    timeout: 240_000,
  },
  { page: "methode", ready: ".ws-calibration[data-state='klaar']", timeout: 120_000 },
  { page: "voortgang", ready: ".ws-voortgang-status:has-text('Voorbeeldgemeente')" },
];

describe("another municipality in every notebook", () => {
  it("knows which of Losser's years the fixture never names", () => {
    expect(YEARS).toEqual(expect.arrayContaining([2034, 2035]));
    expect(YEARS).not.toContain(2030);
  });

  it("finds Losser where it is: the overview of the shipped baseline (the scan itself)", async () => {
    await site.page.goto(`${site.server.url}/index.html`);
    // The heading is written without the name until the scenario is read.
    await site.page.locator("h1", { hasText: "Losser" }).first().waitFor();
    const words = hits("scherm", (await pageText(site.page)).text).join("\n");
    for (const word of ["Losser", "Domijn", "SHBL", "1.225", "2035"]) expect(words).toContain(`"${word}"`);
  });

  it.each(NOTEBOOKS)(
    "$page: from a share link it shows, prints and downloads nothing of Losser",
    async ({ page: name, ready, timeout = 60_000 }) => {
      // From a blank page: the same address with another fragment would not load the page again.
      await site.page.goto("about:blank");
      await site.page.goto(`${site.server.url}/${name}.html${link}`);
      await site.page.locator(ready).first().waitFor({ state: "attached", timeout });
      await quiet(site.page, timeout);
      const screen = await pageText(site.page);
      expect(screen.text).toContain("Voorbeeldgemeente");
      await site.page.emulateMedia({ media: "print" });
      const print = await pageText(site.page);
      await site.page.emulateMedia({ media: "screen" });
      const files = await downloads(site.page, ["CSV", "SVG"]);
      expect(files.length > 0 || name === "index" || name === "voortgang").toBe(true);
      // To read what was checked: GEMEENTE_DUMP=dir writes each page's texts there.
      if (process.env.GEMEENTE_DUMP)
        writeFileSync(
          `${process.env.GEMEENTE_DUMP}/${name}.txt`,
          [screen.text, print.text, ...files.map((f) => `${f.name}\n${f.text}`)].join("\n=====\n"),
        );
      const losser = [
        ...hits("scherm", screen.text),
        ...hits("scherm, grafieken", screen.charts, false),
        ...hits("afdruk", print.text),
        ...hits("afdruk, grafieken", print.charts, false),
        ...files.flatMap((f) => [
          ...hits(f.name, f.text, false),
          ...(f.name.endsWith(".csv") ? hits(`${f.name}, kop`, f.text.split("\n")[0]) : []),
        ]),
      ];
      expect(losser).toEqual([]);
      if (name === "raad") expect(print.text).toContain("Woonscenario Voorbeeldgemeente");
    },
    300_000,
  );

  it("carries the link from the overview to the notebook it leads to", async () => {
    await site.page.goto("about:blank");
    await site.page.goto(`${site.server.url}/index.html${link}`);
    await site.page.locator("h1", { hasText: "Voorbeeldgemeente" }).waitFor();
    await site.page.getByRole("link", { name: "Methode" }).click();
    await site.page.locator("h1", { hasText: "Hoe het model werkt" }).waitFor();
    await site.page.getByText("de woningvoorraad van Voorbeeldgemeente van januari 2026").waitFor();
    expect(site.page.url()).toContain("methode.html#scenario=");
  });

  it("never loads Notebook Kit's Markdown renderer: the text cells that follow the scenario are HTML cells", () => {
    // A Markdown cell with \${…} needs the renderer (57 kB gzipped) on the page at run time; issue 14
    // keeps every page's script under 350 kB gzipped.
    expect(scripts.size).toBeGreaterThan(10);
    expect([...scripts].filter((path) => /\/md-[^/]*\.js$/.test(path))).toEqual([]);
  });

  it("left no request off localhost and logged no error", () => {
    expect(site.found.blocked).toEqual([]);
    expect(site.found.errors).toEqual([]);
  });
});
