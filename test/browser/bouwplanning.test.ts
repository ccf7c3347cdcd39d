import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSummaryJson } from "../../engine/analysis/output";
import { parseScenarioText } from "../../engine/parse";
import type { Scenario } from "../../engine/scenario";
import { planningScope } from "../../engine/scope";
import { prepare, simulate } from "../../engine/simulate";
import { FIGURES } from "../../web/figures/bouwplanning";
import { exportProjects } from "../../web/scenario/project-csv";
import { STORAGE_KEYS } from "../../web/scenario/storage";
import { loadScenario } from "../helpers/scenarios";
import {
  type Browser,
  buildSite,
  CHANCE_TEXTS,
  type Guard,
  guard,
  launchBrowser,
  overlappingTexts,
  panelTitles,
  type Server,
  serveSite,
  settled,
} from "./harness";

/**
 * The planners' notebook in headless Chromium, from the built site: every chart renders, edits reach
 * the charts and survive a reload, a bad CSV row is reported while the others are kept, a dragged
 * slider ends on its last value, the worker gives Node's bytes, and nothing leaves localhost.
 */

const DIST = new URL("../../dist/", import.meta.url).pathname;
const OUTPUT = new URL("./__output__/", import.meta.url).pathname;
const speed: Record<string, number | string> = {};

let server: Server;
let browser: Browser;
let found: Guard;
let page: Page;

const chartSelectors: Record<string, string> = {
  opleveringen: 'g[aria-label="area"] path',
  realisatie: 'g[aria-label="area"] path',
  nieuwbouw_sociaal: 'g[aria-label="area"] path',
  verdeling: 'g[aria-label="bar"] rect',
  voorraad_kern: 'g[aria-label="bar"] rect',
  aandeel_kern: 'g[aria-label="line"] path',
  projecten: 'g[aria-label="bar"] rect',
  opgave_projecten: 'g[aria-label="bar"] rect',
  doelen: "tr[data-target]",
  kans_per_jaar: 'g[aria-label="line"] path',
};

const chartHash = (p: Page) =>
  p.locator('figure[data-chart="realisatie"]').getAttribute("data-scenario-hash") as Promise<string>;

async function workingScenario(p: Page): Promise<Scenario> {
  const text = await p.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working);
  const parsed = parseScenarioText(text ?? "");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

/** Wait for the charts of a result newer than `before`. */
async function settledAfter(p: Page, before: string): Promise<string> {
  await p.waitForFunction(
    (old) =>
      document.querySelector<HTMLElement>('figure[data-chart="realisatie"]')?.dataset.scenarioHash !== old,
    before,
    { polling: 50 },
  );
  return settled(p);
}

const realisedMean = async (p: Page) =>
  Number(await p.locator('figure[data-chart="realisatie"] .ws-headline').getAttribute("data-value"));

beforeAll(async () => {
  buildSite();
  server = await serveSite();
  browser = await launchBrowser();
  found = await guard(browser.context);
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, "speed.json"), `${JSON.stringify(speed, null, 2)}\n`);
  console.log("Snelheid:", speed);
});

describe("bouwplanning.html", () => {
  it("renders every chart after a cold load of the built site", async () => {
    // Every figure the notebook offers is checked here.
    expect(Object.keys(chartSelectors).sort()).toEqual(Object.keys(FIGURES).sort());
    await page.goto(`${server.url}/bouwplanning.html`);
    for (const [id, selector] of Object.entries(chartSelectors)) {
      await page
        .locator(`figure[data-chart="${id}"] ${selector}`)
        .first()
        .waitFor({ state: "attached", timeout: 30_000 });
    }
    const hash = await settled(page);
    // The hash every result carries is the one `prepare` gives (what the CLI writes too).
    expect(hash).toBe(prepare(planningScope(loadScenario())).hash);
    const mark = (name: string) =>
      page.evaluate((n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN), name);
    // The first chart is a quick look at 200 runs; the full 1,000 follow.
    speed.firstChartMs = await mark("woonscenario:eerste-grafiek");
    speed.firstFullChartMs = await mark("woonscenario:eerste-volledige-grafiek");
    const transferred = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .reduce((sum, r) => sum + (r as PerformanceResourceTiming).encodedBodySize, 0),
    );
    speed.pageLoadBytes = transferred;
  });

  it("draws the chance per year: a panel per target of the scorecard, each with its line, dot and three years", async () => {
    const figure = 'figure[data-chart="kans_per_jaar"]';
    const targets = await page
      .locator('figure[data-chart="doelen"] tr[data-target] td:first-child')
      .allTextContents();
    expect(targets.length).toBeGreaterThan(0);
    // Panels read left to right, top to bottom, in the scorecard's order.
    expect(await panelTitles(page, figure)).toEqual(targets);
    expect(await page.locator(`${figure} g[aria-label="line"] path`).count()).toBe(targets.length);
    expect(await page.locator(`${figure} g[aria-label="dot"] circle`).count()).toBe(targets.length);
    expect(await page.locator(`${figure} g[aria-label="x-axis tick label"] text`).count()).toBe(
      3 * targets.length,
    );
  });

  it("keeps the chance per year's titles, years and chances apart, on a laptop and on a phone", async () => {
    const figure = 'figure[data-chart="kans_per_jaar"]';
    expect(await overlappingTexts(page, figure, CHANCE_TEXTS)).toEqual([]);
    const wide = await page.locator(`${figure} svg`).first().getAttribute("width");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.locator(`${figure} svg`).first().getAttribute("width")).not.toBe(wide);
      expect(await overlappingTexts(page, figure, CHANCE_TEXTS)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await expect.poll(() => page.locator(`${figure} svg`).first().getAttribute("width")).toBe(wide);
  });

  it("says in plain words what is done, and gives the same summary.json bytes as Node's simulate behind Details", async () => {
    expect(await page.locator(".ws-progress-text").textContent()).toMatch(
      /^1\.000 berekeningen klaar in \d+,\d s$|^1\.000 berekeningen klaar in \d+ min \d+ s$/,
    );
    expect(await page.locator('button[name="samenvatting"]').isVisible()).toBe(false);
    await page.locator(".ws-progress-details > summary").click();
    expect(await page.locator(".ws-progress-details").textContent()).toMatch(
      /seed 1, scenario-hash [0-9a-f]{16}/,
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('button[name="samenvatting"]').click(),
    ]);
    const fromBrowser = readFileSync(await download.path(), "utf8");
    const scenario = planningScope(loadScenario());
    const node = simulate(scenario, { runs: scenario.simulation.runs, seed: scenario.simulation.seed });
    const fromNode = `${JSON.stringify(toSummaryJson(node.prepared.shape, node.meta, node.summary), null, 2)}\n`;
    expect(fromBrowser).toBe(fromNode);
  });

  it("exports a chart as SVG and PNG, and a table as CSV for Dutch Excel", async () => {
    const save = async (chart: string, button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page
          .locator(`figure[data-chart="${chart}"] .ws-export`)
          .getByRole("button", { name: button, exact: true })
          .click(),
      ]);
      return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
    };
    const svg = await save("realisatie", "SVG");
    expect(svg.name).toBe("realisatie-Basis_Losser.svg");
    expect(svg.bytes.toString("utf8")).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.bytes.toString("utf8")).toContain("Realisatie van de opgave");
    // The image carries its context: the scenario, runs, seed and day, and what the band means.
    expect(svg.bytes.toString("utf8")).toMatch(
      /Scenario: Basis Losser · 1\.000 runs · seed 1 · gemaakt op \d+ \w+ \d{4}/,
    );
    expect(svg.bytes.toString("utf8")).toContain("Band: van P10 tot P90");
    const table = (await save("realisatie", "CSV")).bytes.toString("utf8");
    expect(table.startsWith("\uFEFFmetriek (id);omschrijving;eenheid;jaar;gemiddelde;P5;")).toBe(true);
    const perRun = (await save("realisatie", "CSV per run")).bytes.toString("utf8").split("\r\n");
    expect(perRun[0]).toBe("\uFEFFrun;metriek (id);omschrijving;eenheid;jaar;waarde");
    expect(perRun.filter((line) => line.startsWith("1000;opgave.realised;")).length).toBeGreaterThan(5);
    const png = await save("verdeling", "PNG");
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.bytes.length).toBeGreaterThan(10_000);
    const csv = (await save("doelen", "CSV")).bytes.toString("utf8");
    expect(csv.startsWith("\uFEFFdoel;jaar;mediaan;kans;oordeel\r\n")).toBe(true);
  });

  it("redraws for the last value when the delay slider is dragged rapidly ten times", async () => {
    const before = await chartHash(page);
    const slider = 'input[name="pipeline.statuses.zacht.delayMonths.mode"]';
    await page.evaluate(async (selector) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      for (let v = 3; v <= 30; v += 3) {
        input.value = String(v);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => setTimeout(r, 16));
      }
    }, slider);
    const hash = await settledAfter(page, before);
    const working = await workingScenario(page);
    expect(working.pipeline.statuses.zacht.delayMonths.mode).toBe(30);
    expect(hash).toBe(prepare(planningScope(working)).hash);
    // A stale result arriving late would replace it; give it the chance, then look again.
    await page.waitForTimeout(500);
    expect(await chartHash(page)).toBe(hash);
  });

  it("measures slider change to redrawn chart at 1,000 runs (aim 250 ms; guard 1,500 ms on a shared machine)", async () => {
    const times: number[] = [];
    for (const v of [20, 22, 24, 26, 28]) {
      const ms = await page.evaluate(async (value) => {
        const input = document.querySelector<HTMLInputElement>(
          'input[name="pipeline.statuses.hard.delayMonths.mode"]',
        )!;
        const figure = () => document.querySelector<HTMLElement>('figure[data-chart="realisatie"]')!;
        const before = figure().dataset.scenarioHash;
        performance.mark("woonscenario:schuif");
        const start = performance.now();
        input.value = String(value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () =>
            figure()?.dataset.scenarioHash !== before ? resolve() : requestAnimationFrame(check);
          check();
        });
        // Until the frame with the new chart is painted.
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - start;
      }, v);
      times.push(ms);
      await settled(page);
    }
    times.sort((a, b) => a - b);
    speed.sliderToChartMsMedian = Math.round(times[2]);
    speed.sliderToChartMsAll = times.map(Math.round).join(", ");
    expect(times[2]).toBeLessThan(1500);
  });

  it("moves a project two years later and sees cumulative realisation drop", async () => {
    const before = await realisedMean(page);
    for (let i = 0; i < 2; i++) {
      const hash = await chartHash(page);
      await page.locator('tr[data-project="P11"] button[data-move="12"]').click();
      await settledAfter(page, hash);
    }
    expect(await page.locator('tr[data-project="P11"] input[type="month"]').inputValue()).toBe("2032-06");
    expect(await realisedMean(page)).toBeLessThan(before);
    // What the last move did stays in view: the calculation before it, in the sentence and as a line.
    const figure = page.locator('figure[data-chart="realisatie"]');
    expect(await figure.locator(".ws-headline").textContent()).toMatch(
      /Vorige berekening: mediaan [\d.]+, kans (< )?\d+%\./,
    );
    expect(await figure.locator('svg [stroke-dasharray="4,3"]').count()).toBeGreaterThan(0);
    // And the scorecard has each target's chance before the move beside the new one.
    expect(await page.locator('figure[data-chart="doelen"] th').allTextContents()).toContain("Vorige");
    expect(
      await page.locator('figure[data-chart="doelen"] tr[data-target="opgave"] td.ws-previous').textContent(),
    ).toMatch(/^(< )?\d+%$/);
  });

  it("finds the edits still there after a reload", async () => {
    await page.reload();
    await settled(page);
    expect(await page.locator('tr[data-project="P11"] input[type="month"]').inputValue()).toBe("2032-06");
    expect(await page.locator('input[name="pipeline.statuses.zacht.delayMonths.mode"]').inputValue()).toBe(
      "30",
    );
  });

  it("imports a CSV with one bad row: the error names row and column, the other rows are kept", async () => {
    const working = await workingScenario(page);
    const csv = exportProjects(working)
      .replace(/^P02;[^;]*;/m, "P02;Hoofdstraat-oost (nieuw);")
      .replace(/^(P05;[^;]*;)Losser;/m, "$1Enschede;");
    const before = await chartHash(page);
    await page.locator('input[name="projecten-csv"]').setInputFiles({
      name: "projecten.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    // First the preview: what changes, and the row that cannot be read, whose project stays.
    const preview = page.locator(".ws-import");
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.locator('li[data-import="gewijzigd"]').allTextContents()).toEqual([
      expect.stringMatching(/^Gewijzigd: P02 .* naam .* → Hoofdstraat-oost \(nieuw\)$/),
    ]);
    expect(await preview.locator('li[data-import="behouden"]').textContent()).toMatch(
      /P05 .* rij 6 niet te lezen/,
    );
    expect(await preview.textContent()).toContain("rij 6, kolom kern");
    await preview.locator('button[name="import-toepassen"]').click();
    const alert = page.locator(".ws-projects .ws-message--fout");
    await expect.poll(() => alert.textContent()).toContain("rij 6, kolom kern");
    expect(await alert.textContent()).toContain("Enschede");
    await settledAfter(page, before);
    expect(await page.locator('input[name="P02.naam"]').inputValue()).toBe("Hoofdstraat-oost (nieuw)");
    expect(await page.locator('select[name="P05.kern"]').inputValue()).toBe("Losser");
    expect(await page.locator("tr[data-project]").count()).toBe(working.projects.length);
  });

  it("undoes a CSV import that replaced the table: the table and the stored copy are back byte for byte", async () => {
    const exported = async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator('button[name="projecten-exporteren"]').click(),
      ]);
      return readFileSync(await download.path());
    };
    const tableBefore = await exported();
    const storedBefore = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working);
    const working = await workingScenario(page);
    // A file with only the first five projects, one renamed: replacing removes all the others.
    const lines = exportProjects(working).split("\r\n");
    const csv = [...lines.slice(0, 6), ""].join("\r\n").replace(/^P03;[^;]*;/m, "P03;Anders;");
    const hash = await chartHash(page);
    await page.locator('input[name="projecten-csv"]').setInputFiles({
      name: "vijf.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    const preview = page.locator(".ws-import");
    await preview.locator('input[name="import-wijze"][value="vervangen"]').check();
    await expect
      .poll(() => preview.locator('li[data-import="verwijderd"]').count())
      .toBe(working.projects.length - 5);
    await preview.locator('button[name="import-toepassen"]').click();
    await expect.poll(() => page.locator("tr[data-project]").count()).toBe(5);
    const afterImport = await settledAfter(page, hash);
    await page.locator('button[name="ongedaan-maken"]').first().click();
    await expect.poll(() => page.locator("tr[data-project]").count()).toBe(working.projects.length);
    expect((await exported()).equals(tableBefore)).toBe(true);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working)).toBe(storedBefore);
    await settledAfter(page, afterImport);
  });

  it("undoes a deleted project with Ctrl+Z and does it again with Ctrl+Shift+Z", async () => {
    const count = await page.locator("tr[data-project]").count();
    await page.locator('button[data-remove="P03"]').click();
    await expect.poll(() => page.locator("tr[data-project]").count()).toBe(count - 1);
    await expect
      .poll(() => page.locator(".ws-changes li").allTextContents())
      .toContainEqual(expect.stringMatching(/^Project P03 .*: \d+ woningen → verwijderd$/));
    await page.locator("body").press("Control+z");
    await expect.poll(() => page.locator('tr[data-project="P03"]').count()).toBe(1);
    await page.locator("body").press("Control+Shift+z");
    await expect.poll(() => page.locator('tr[data-project="P03"]').count()).toBe(0);
    await page.locator('button[name="ongedaan-maken"]').first().click();
    await expect.poll(() => page.locator('tr[data-project="P03"]').count()).toBe(1);
    await settled(page);
  });

  it("lists what changed against the starting point in the users' words, old → new", async () => {
    await page.locator(".ws-changes summary").click();
    const items = await page.locator(".ws-changes li").allTextContents();
    expect(items).toContain("Vertraging bij zachte plannen, meestal: 12 mnd → 30 mnd");
    expect(items.some((t) => /^Project P11 .*: geplande oplevering: juni 2030 → juni 2032$/.test(t))).toBe(
      true,
    );
    await page.locator(".ws-changes summary").click();
  });

  it("refuses 12,5 in a units field with a message and changes nothing", async () => {
    const before = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working);
    const field = page.locator('input[name="P01.sociale_huur"]');
    const old = await field.inputValue();
    await field.fill("12,5");
    await field.press("Tab");
    const alert = page.locator(".ws-projects .ws-message--fout");
    await expect
      .poll(() => alert.textContent())
      .toBe("P01 sociale huur: verwacht een geheel getal, zonder komma. Er is niets veranderd.");
    expect(await field.inputValue()).toBe(old);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working)).toBe(before);
  });

  it("warns of an unlikely figure (a typed extra zero) by project, runs on, and the warning goes with an undo", async () => {
    const note = page.locator(".ws-plausibility");
    expect(await note.isHidden()).toBe(true);
    const field = page.locator('input[name="P01.sociale_huur"]');
    const old = await field.inputValue();
    await field.fill(`${old}000`);
    await field.press("Tab");
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/klopt dit\?.*Project P01 heeft/s);
    await page.keyboard.press("Control+z");
    await expect.poll(() => note.isHidden()).toBe(true);
    expect(await field.inputValue()).toBe(old);
  });

  it("shows every column and the −1 jaar / +1 jaar / ✕ buttons of the project table at 1440×900, and a card per project on a phone", async () => {
    const scroll = page.locator(".ws-project-scroll");
    const sizes = await scroll.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    const box = (await scroll.boundingBox())!;
    for (const button of await page.locator('tr[data-project="P01"] .ws-actions button').all()) {
      const b = (await button.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(Math.min(1440, box.x + box.width));
    }
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect
        .poll(() => page.locator('tr[data-project="P01"]').evaluate((tr) => getComputedStyle(tr).display))
        .toBe("grid");
      const card = (await page.locator('tr[data-project="P01"]').boundingBox())!;
      expect(card.x + card.width).toBeLessThanOrEqual(390);
      const remove = (await page.locator('button[data-remove="P01"]').boundingBox())!;
      expect(remove.x + remove.width).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it("leaves the stored working copy alone when a share link is broken, and says so", async () => {
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working);
    // Another address first: only the fragment differing, the browser would not load the page again.
    await page.goto("about:blank");
    await page.goto(`${server.url}/bouwplanning.html#scenario=!!not*base64!!`);
    const alert = page.locator(".ws-scenario-bar .ws-message--fout");
    await expect.poll(() => alert.textContent()).toContain("De link bevat geen geldig scenario.");
    expect(await alert.textContent()).toContain("is niet veranderd");
    await settled(page);
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEYS.working)).toBe(stored);
    expect(await page.locator('tr[data-project="P11"] input[type="month"]').inputValue()).toBe("2032-06");
  });

  it("keeps the last good scenario when an imported scenario file is bad, with the Dutch error", async () => {
    const before = await chartHash(page);
    const bad = {
      ...(await workingScenario(page)),
      simulation: { start: "2025-10", endYear: 2035, runs: 0, seed: 1 },
    };
    await page.locator('input[name="scenario-bestand"]').setInputFiles({
      name: "kapot.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = page.locator(".ws-scenario-bar .ws-message--fout");
    await expect.poll(() => alert.textContent()).toContain("simulation.runs");
    expect(await alert.textContent()).toContain("kapot.json is geen geldig scenario");
    expect(await chartHash(page)).toBe(before);
  });

  it("saves the scenario under a name, duplicates it, deletes the copy and puts it back", async () => {
    await page.locator('input[name="naam"]').fill("Plan met P11 later");
    await page.getByRole("button", { name: "Opslaan als" }).click();
    await expect.poll(() => page.locator(".ws-current").textContent()).toBe("Werkversie: Plan met P11 later");
    await page.getByRole("button", { name: "Dupliceren" }).click();
    const select = page.locator('select[name="scenario"]');
    expect(await select.inputValue()).toBe("saved:Plan met P11 later (kopie)");
    await page.getByRole("button", { name: "Verwijderen" }).click();
    const options = await select.locator("option").allTextContents();
    expect(options).toContain("Plan met P11 later");
    expect(options).not.toContain("Plan met P11 later (kopie)");
    await page.getByRole("button", { name: "Zet terug" }).click();
    expect(await select.inputValue()).toBe("saved:Plan met P11 later (kopie)");
    await page.getByRole("button", { name: "Verwijderen" }).click();
  });

  it("shares the scenario as a link that opens it elsewhere", async () => {
    await page.getByRole("button", { name: "Deel als link" }).click();
    const link = page.locator('input[name="deellink"]');
    await expect.poll(() => link.inputValue()).toMatch(/\/bouwplanning\.html#scenario=[\w-]+$/);
    // Another browser profile: nothing in its storage, only the link.
    const other = await launchBrowser();
    const otherFound = await guard(other.context);
    try {
      const elsewhere = await other.context.newPage();
      await elsewhere.goto(await link.inputValue());
      await settled(elsewhere);
      expect(await elsewhere.locator('tr[data-project="P11"] input[type="month"]').inputValue()).toBe(
        "2032-06",
      );
      expect(await chartHash(elsewhere)).toBe(await chartHash(page));
      // The link's scenario became the working copy, and the address no longer carries it.
      expect(new URL(elsewhere.url()).hash).toBe("");
      expect(otherFound).toEqual({ blocked: [], errors: [] });
    } finally {
      await other.close();
    }
  });

  it("reports a worker that dies while loading, replaces it and still draws every chart", async () => {
    const other = await launchBrowser();
    try {
      // The first worker script served throws as it loads: that worker dies before it answers.
      let served = 0;
      // The worker's entry only (worker-<hash>.js), not a page chunk such as worker-pool-<hash>.js.
      await other.context.route(/\/assets\/worker-[\w-]{8}\.js$/, (route) => {
        served++;
        if (served > 1) return route.continue();
        return route.fulfill({
          contentType: "text/javascript",
          body: 'throw new Error("kapot voor de test");',
        });
      });
      const p = await other.context.newPage();
      // Every message the page raises is kept: the one about the worker goes when the rerun succeeds.
      await p.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { alerts: string[] }).alerts = seen;
        new MutationObserver(() => {
          for (const el of document.querySelectorAll<HTMLElement>('[role="alert"]'))
            if (!el.hidden && el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await p.goto(`${server.url}/bouwplanning.html`);
      await settled(p, 60_000);
      const alerts = await p.evaluate(() => (window as unknown as { alerts: string[] }).alerts);
      expect(alerts.join("\n")).toMatch(/Een rekenwerker viel uit en is vervangen/);
      // The replacement was loaded, and the charts show a result after all.
      expect(served).toBeGreaterThan(2);
      for (const [id, selector] of Object.entries(chartSelectors))
        expect(await p.locator(`figure[data-chart="${id}"] ${selector}`).count(), id).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it("made no request beyond localhost and logged no errors", () => {
    expect(found.blocked).toEqual([]);
    expect(found.errors).toEqual([]);
  });

  it("builds a site whose code, styles and pages are small when gzipped, with no CDN address in it", () => {
    let gzipped = 0;
    for (const file of readdirSync(DIST, { recursive: true }) as string[]) {
      if (!/\.(js|css|html)$/.test(file)) continue;
      const bytes = readFileSync(join(DIST, file));
      gzipped += gzipSync(bytes).length;
      expect(bytes.toString("utf8")).not.toMatch(/https?:\/\/(cdn\.|esm\.sh|unpkg|fonts\.g)/);
    }
    speed.bundleGzipBytes = gzipped;
    expect(gzipped).toBeLessThan(600_000);
  });
});
