import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSummaryJson } from "../../engine/analysis/output";
import { tornado } from "../../engine/analysis/sensitivity";
import { figureValue } from "../../engine/kernel/figure";
import { allocationScope, planningScope } from "../../engine/scope";
import { simulate } from "../../engine/simulate";
import { sampleCompletions, summariseCompletions } from "../../engine/stock/completions";
import { CONTENT_SECURITY_POLICY } from "../../scripts/vite-plugin-csp";
import { shortfallReading, shortfallRows } from "../../web/charts/shortfall";
import { COUNCIL_RUNS, TORNADO_TARGETS } from "../../web/client/comparison";
import { AFFORDABILITY_FIGURES } from "../../web/figures/betaalbaarheid";
import { assumptionRows } from "../../web/pages/methode";
import { REPORT_PAGES } from "../../web/pages/raad";
import { builtinScenario } from "../../web/scenario/builtin";
import { scenarioChanges } from "../../web/scenario/changes";
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
} from "./harness";

/**
 * The notebooks for SHBL, the council and the method, in headless Chromium from the built site (built
 * into its own directory, as bouwplanning.test.ts builds at the same time): every chart renders, a
 * lever reaches its chart and sentence, the comparison shows the engine's numbers, the tornado is in
 * order of effect, the print layout gives the expected A4 pages with the header on each, and nothing
 * leaves localhost.
 */

const OUT_DIR = "dist-notebooks";
let server: Server;
let browser: Browser;
let found: Guard;
let page: Page;

beforeAll(async () => {
  buildSite(OUT_DIR);
  server = await serveSite(OUT_DIR);
  browser = await launchBrowser();
  found = await guard(browser.context);
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** Wait until the run is done and every figure shows the same result; return that result's hash. */
async function settledFigures(p: Page, count: number, timeout = 60_000): Promise<string> {
  const handle = await p.waitForFunction(
    (n) => {
      const progress = document.querySelector<HTMLElement>(".ws-progress");
      const figures = [...document.querySelectorAll<HTMLElement>("figure[data-chart]")];
      const hashes = new Set(figures.map((f) => f.dataset.scenarioHash));
      return progress?.dataset.state === "klaar" && figures.length === n && hashes.size === 1
        ? [...hashes][0]
        : false;
    },
    count,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as string;
}

const risk = (p: Page) => p.locator('figure[data-chart="betaalrisico"]');

/** Wait for the SHBL figures of a result other than the one with hash `before`, all settled. */
async function settledAfter(p: Page, before: string | null): Promise<void> {
  await p.waitForFunction(
    (old) =>
      document.querySelector<HTMLElement>('figure[data-chart="betaalrisico"]')?.dataset.scenarioHash !== old,
    before,
    { polling: 100, timeout: 60_000 },
  );
  await settledFigures(p, Object.keys(AFFORDABILITY_FIGURES).length);
}

describe("betaalbaarheid.html", () => {
  it("renders every chart, each with its sentence", async () => {
    await page.goto(`${server.url}/betaalbaarheid.html`);
    const ids = Object.keys(AFFORDABILITY_FIGURES);
    await settledFigures(page, ids.length);
    for (const id of ids) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      expect(await figure.locator("svg [aria-label]").count(), id).toBeGreaterThan(0);
      expect(await figure.locator(".ws-headline").textContent(), id).toMatch(/^(In|Tot en met) 20\d\d /);
    }
    // Beside the household types, the higher incomes that the free-allocation lever moves.
    expect(await page.locator('figure[data-chart="zoektijd"]').textContent()).toContain(
      "hoger inkomen (vrije toewijzing)",
    );
    // A small kern houses someone in only part of the runs; its search time says in how many.
    expect(await page.locator('figure[data-chart="zoektijd_kern"] svg').textContent()).toMatch(
      /Beuningen.*in \d+% van de runs/,
    );
  });

  it("shows the search time per kern of one household type when asked: a starter in each kern", async () => {
    const kern = page.locator('figure[data-chart="zoektijd_kern"]');
    expect(await kern.locator(".ws-headline").textContent()).toMatch(
      /reguliere woningzoekenden het langst in/,
    );
    await page.selectOption('select[name="zoektijd-wie"]', "starter");
    await expect
      .poll(() => kern.locator(".ws-headline").textContent())
      .toMatch(/^In 2030 wacht een starter het langst in [^:]+: naar verwachting \d+,\d jaar/);
    expect(await kern.locator("svg [aria-label]").count()).toBeGreaterThan(0);
    await page.selectOption('select[name="zoektijd-wie"]', "regulier");
  });

  it("a warme jas for more of Domijn's homes lowers the energy bill the chart reads", async () => {
    const energy = page.locator('figure[data-chart="energie"] .ws-headline');
    const before = {
      hash: await risk(page).getAttribute("data-scenario-hash"),
      value: Number(await energy.getAttribute("data-value")),
    };
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="warme-jas"]')!;
      input.value = "300";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const startText = (await energy.textContent()) ?? "";
    await settledAfter(page, before.hash);
    expect(Number(await energy.getAttribute("data-value"))).toBeLessThan(before.value);
    expect(await energy.textContent()).toMatch(/^In 2030 betalen huurders .* € \d+ per maand aan energie/);
    // What the starting point gave stays in view: in the sentence, and as a dashed line in the chart.
    const startBill = /gemiddeld (€ [\d.]+) per maand/.exec(startText)?.[1];
    expect(await energy.textContent()).toContain(`Bij het startpunt: ${startBill}.`);
    expect(
      await page.locator('figure[data-chart="energie"] svg [stroke-dasharray="4,3"]').count(),
    ).toBeGreaterThan(0);
  });

  it("a higher rent increase changes the betaalrisico chart and its sentence", async () => {
    const before = {
      hash: await risk(page).getAttribute("data-scenario-hash"),
      text: await risk(page).locator(".ws-headline").textContent(),
      value: Number(await risk(page).locator(".ws-headline").getAttribute("data-value")),
      line: await risk(page).locator('g[aria-label="line"] path').last().getAttribute("d"),
    };
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="huurverhoging"]')!;
      input.value = "0.03";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await settledAfter(page, before.hash);
    expect(await risk(page).locator(".ws-headline").textContent()).not.toBe(before.text);
    expect(Number(await risk(page).locator(".ws-headline").getAttribute("data-value"))).toBeGreaterThan(
      before.value,
    );
    expect(await risk(page).locator('g[aria-label="line"] path').last().getAttribute("d")).not.toBe(
      before.line,
    );
  });

  it("a streefhuur split that does not add up to 100% is refused in Dutch; one that does reruns", async () => {
    const homesFirst = () =>
      page.locator('figure[data-chart="huurklassen"] .ws-headline').getAttribute("data-value");
    const before = { hash: await risk(page).getAttribute("data-scenario-hash"), homes: await homesFirst() };
    await page.fill('input[name="streefhuur-aftopping_laag"]', "70");
    await page.dispatchEvent('input[name="streefhuur-aftopping_laag"]', "change");
    await expect
      .poll(() => page.locator(".ws-affordability-controls .ws-message--fout").textContent())
      .toMatch(/Streefhuurverdeling: de vier aandelen tellen op tot 110%/);
    // Refused: no new run was started, the result on screen is the last good one.
    expect(await page.locator(".ws-progress").getAttribute("data-state")).toBe("klaar");
    expect(await risk(page).getAttribute("data-scenario-hash")).toBe(before.hash);
    await page.fill('input[name="streefhuur-aftopping_hoog"]', "15");
    await page.dispatchEvent('input[name="streefhuur-aftopping_hoog"]', "change");
    await settledAfter(page, before.hash);
    expect(await page.locator(".ws-affordability-controls .ws-message--fout").count()).toBe(0);
    // 70% instead of 60% of the homes up to the first aftoppingsgrens: more such homes.
    expect(Number(await homesFirst())).toBeGreaterThan(Number(before.homes));
  });

  it("another starting point puts the levers on that scenario's values and runs it", async () => {
    const before = await risk(page).getAttribute("data-scenario-hash");
    const options = await page.locator('select[name="startpunt"] option').allTextContents();
    expect(options).toEqual(
      expect.arrayContaining(["Basis Losser", "Huurbevriezing 2026 (hypothetisch)", "Warme jas breed"]),
    );
    await page.selectOption('select[name="startpunt"]', "builtin:huurbevriezing");
    const freeze = builtinScenario("huurbevriezing").affordability?.rentPolicy;
    expect(await page.inputValue('select[name="huurbevriezing"]')).toBe(String(freeze?.freezeYears[0]));
    expect(Number(await page.inputValue('input[name="huurverhoging"]'))).toBeCloseTo(
      freeze?.mode === "loon" ? figureValue(freeze.spread) : Number.NaN,
    );
    // The split typed in the test before goes back to the scenario's own, as do the other levers.
    expect(await page.inputValue('input[name="streefhuur-aftopping_laag"]')).toBe("60");
    expect(await page.inputValue('input[name="streefhuur-aftopping_hoog"]')).toBe("25");
    expect(Number(await page.inputValue('input[name="aankoop"]'))).toBe(
      figureValue(builtinScenario("huurbevriezing").policy.acquisitions.perYear),
    );
    await settledAfter(page, before);
    expect(await page.locator(".ws-affordability-controls .ws-message--fout").count()).toBe(0);
  });

  it("lists the levers moved from the starting point, old → new, and undoes each, the pick of the starting point too", async () => {
    const changes = () => page.locator(".ws-changes li").allTextContents();
    await expect
      .poll(() => page.locator(".ws-changes summary").textContent())
      .toBe("Wat is er veranderd? Niets");
    const sales = figureValue(builtinScenario("huurbevriezing").policy.sales.perYear);
    await page.fill('input[name="verkoop"]', String(sales + 10));
    await page.selectOption('select[name="voorrang"]', "statushouder");
    await expect
      .poll(changes)
      .toEqual([
        `Verkoop door Domijn per jaar: ${sales} woningen → ${sales + 10} woningen`,
        "Voorrang: urgenten eerst → statushouders eerst",
      ]);
    await page.locator('button[name="ongedaan-maken"]').click();
    expect(await page.inputValue('select[name="voorrang"]')).toBe("urgent");
    await page.locator("body").press("Control+z");
    expect(Number(await page.inputValue('input[name="verkoop"]'))).toBe(sales);
    await expect
      .poll(() => page.locator(".ws-changes summary").textContent())
      .toBe("Wat is er veranderd? Niets");
    // One step further back: the starting point before huurbevriezing, with the split typed there.
    await page.locator('button[name="ongedaan-maken"]').click();
    expect(await page.inputValue('select[name="huurbevriezing"]')).toBe("");
    expect(await page.inputValue('input[name="streefhuur-aftopping_laag"]')).toBe("70");
    expect(await page.inputValue('select[name="startpunt"]')).toBe("builtin:basis");
    await page.locator('button[name="opnieuw"]').click();
    expect(await page.inputValue('input[name="streefhuur-aftopping_laag"]')).toBe("60");
    expect(await page.inputValue('select[name="startpunt"]')).toBe("builtin:huurbevriezing");
  });
});

describe("raad.html", () => {
  const seed = builtinScenario("basis").simulation.seed;
  const scenarios = [builtinScenario("basis"), builtinScenario("vertraging")];

  it("compares basis and vertraging: the engine's medians and probabilities for 1.225 by 2034, vertraging's lower", async () => {
    // Every state the comparison's note passes through, with its text, from the first moment of the page.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { comparisonStates: string[] }).comparisonStates = seen;
      new MutationObserver(() => {
        const note = document.querySelector<HTMLElement>("[data-comparison]");
        const state = note ? `${note.dataset.comparison}: ${note.textContent}` : "";
        if (note && seen[seen.length - 1] !== state) seen.push(state);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.goto(`${server.url}/raad.html`);
    await page.locator('[data-chart^="tornado"] svg').first().waitFor({ state: "attached", timeout: 60_000 });
    // All runs, not the first look.
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison === "klaar",
      undefined,
      { timeout: 90_000, polling: 100 },
    );
    const row = page.locator('.ws-score-matrix tr[data-target="opgave"]').first();
    // The comparison and the tornado come from two pools of workers, in either order.
    await row.waitFor({ state: "attached", timeout: 60_000 });
    const probability = async (name: string) =>
      Number(await row.locator(`td[data-scenario="${name}"]`).getAttribute("data-probability"));
    // What Node's simulate gives for the building plan at the same seed and runs; the page's come from its workers.
    const node = scenarios.map((s) => simulate(planningScope(s), { runs: COUNCIL_RUNS, seed }));
    const target = (i: number) =>
      toSummaryJson(node[i].prepared.shape, node[i].meta, node[i].summary).targets.find(
        (t) => t.id === "opgave",
      )!;
    expect(await probability("Basis Losser")).toBe(target(0).probability);
    expect(await probability("Vertraging")).toBe(target(1).probability);
    // Vertraging reaches the task no more often than the baseline (whose plans add up to the task
    // exactly, so both chances may be 0).
    expect(await probability("Vertraging")).toBeLessThanOrEqual(await probability("Basis Losser"));
    // Vertraging realises fewer homes by 2034: its median is lower, and so is the paired difference.
    const medians = await row.locator("td.ws-num").allTextContents();
    expect(Number(medians[1].replace(".", ""))).toBeLessThan(Number(medians[0].replace(".", "")));
    expect(
      Number(
        await page.locator('figure[data-chart="verschil"] .ws-headline').first().getAttribute("data-value"),
      ),
    ).toBeLessThan(0);
  });

  it("adds the allocation targets to the scorecard when the workers have them, with the engine's numbers", async () => {
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison === "klaar",
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    for (const s of scenarios) {
      const node = simulate(allocationScope(s), { runs: COUNCIL_RUNS, seed });
      const targets = toSummaryJson(node.prepared.shape, node.meta, node.summary).targets;
      for (const id of ["vrije_toewijzing", "taakstelling_statushouders"]) {
        const cell = page.locator(`.ws-score-matrix tr[data-target="${id}"] td[data-scenario="${s.name}"]`);
        expect(Number(await cell.first().getAttribute("data-probability")), `${id} ${s.name}`).toBe(
          targets.find((t) => t.id === id)?.probability,
        );
      }
    }
    // The same rows are on the printed scorecard.
    expect(await page.locator('.ws-report tr[data-target="vrije_toewijzing"]').count()).toBe(1);
    // Before all runs, a first look of 100 runs a scenario, said to be one.
    const states = await page.evaluate(
      () => (window as unknown as { comparisonStates: string[] }).comparisonStates,
    );
    expect(states.map((s) => s.split(":")[0])).toEqual(["voorlopig", "klaar"]);
    expect(await page.locator(".ws-score-matrix .ws-preliminary").count()).toBe(0);
    expect(states[0]).toMatch(
      /Voorlopig: de scorekaart en de grafieken hieronder komen uit de eerste 100 runs per scenario; de overige 900 worden nog berekend/,
    );
  });

  it("draws every target's chance per year for both scenarios, the allocation targets included, no text on text", async () => {
    const figure = 'figure[data-chart="kans_per_jaar"]';
    const targets = await page
      .locator(".ws-score-matrix")
      .first()
      .locator("tr[data-target] td:first-child")
      .allTextContents();
    expect(targets).toContain(
      await page.locator('tr[data-target="vrije_toewijzing"] td:first-child').first().textContent(),
    );
    // Panels read left to right, top to bottom, in the scorecard's order.
    expect(await panelTitles(page, figure)).toEqual(targets);
    // A line per scenario in every panel, and the legend that says which is which.
    expect(await page.locator(`${figure} g[aria-label="line"] path`).count()).toBe(2 * targets.length);
    expect(await page.locator(`${figure} [class$="-swatch"]`).allTextContents()).toEqual([
      "Basis Losser",
      "Vertraging",
    ]);
    // Each panel has its own years: those of neighbouring panels, the titles and the chances stand apart.
    expect(await page.locator(`${figure} g[aria-label="x-axis tick label"] text`).count()).toBe(
      3 * targets.length,
    );
    expect(await overlappingTexts(page, figure, CHANCE_TEXTS)).toEqual([]);
  });

  it("keeps neighbouring panels' years apart in the side-by-side comparisons", async () => {
    for (const id of ["vergelijk_realisatie", "vergelijk_sociaal"]) {
      const first = page.locator(`figure[data-chart="${id}"]`).first();
      expect(await first.locator('g[aria-label="x-axis tick label"] text').count()).toBeGreaterThan(2);
      const ticks = 'g[aria-label="x-axis tick label"] text, g[aria-label="fx-axis tick label"] text';
      expect(await overlappingTexts(page, `figure[data-chart="${id}"] >> nth=0`, ticks), id).toEqual([]);
    }
  });

  it("keeps its choice in the address, prints no scorecard with rows missing unsaid, and restores the choice", async () => {
    // The scorecard is whole now: from here on, every printed scorecard has as many rows or says
    // which are missing.
    const whole = await page.locator(".ws-report tr[data-target]").count();
    expect(whole).toBe(await page.locator(".ws-score-matrix").first().locator("tr[data-target]").count());
    await page.evaluate((whole) => {
      const w = window as unknown as { unsaid: number[]; warned: number };
      w.unsaid = [];
      w.warned = 0;
      const check = () => {
        const report = document.querySelector(".ws-report");
        if (!report) return;
        const rows = report.querySelectorAll("tr[data-target]").length;
        if (report.querySelector(".ws-report-missing")) w.warned++;
        else if (rows < whole) w.unsaid.push(rows);
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    }, whole);
    await page.locator('input[name="scenario"][value="builtin:versnelling"]').check();
    await page.waitForFunction(() => location.hash === "#scenarios=basis,vertraging,versnelling", undefined, {
      timeout: 10_000,
    });
    await page.waitForFunction(
      (whole) =>
        document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison === "klaar" &&
        document.querySelectorAll('.ws-report th[scope="colgroup"]').length === 3 &&
        document.querySelectorAll(".ws-report tr[data-target]").length === whole,
      whole,
      { timeout: 150_000, polling: 200 },
    );
    const seen = await page.evaluate(() => {
      const w = window as unknown as { unsaid: number[]; warned: number };
      return { unsaid: w.unsaid, warned: w.warned };
    });
    expect(seen.unsaid).toEqual([]);
    // While the first look was shown, the print said so.
    expect(seen.warned).toBeGreaterThan(0);
    expect(await page.locator(".ws-report .ws-report-missing").count()).toBe(0);
    // The address restores the comparison and the difference's pair.
    // Opened afresh, as a shared link is (a new tab, not the same page with another fragment).
    await page.goto("about:blank");
    await page.goto(`${server.url}/raad.html#scenarios=basis,versnelling&verschil=1,0`);
    const verschil = page.locator('figure[data-chart="verschil"] h3').first();
    await verschil.waitFor({ state: "attached", timeout: 60_000 });
    expect(
      await page
        .locator('input[name="scenario"]:checked')
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
    ).toEqual(["builtin:basis", "builtin:versnelling"]);
    expect(await page.inputValue('select[name="verschil-a"]')).toBe("1");
    expect(await verschil.textContent()).toBe("Verschil in realisatie: Basis Losser min Versnelling");
    // Back to the page as the tests below read it: basis and vertraging, everything computed.
    await page.goto("about:blank");
    await page.goto(`${server.url}/raad.html`);
    await page.locator('[data-chart^="tornado"] svg').first().waitFor({ state: "attached", timeout: 90_000 });
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("[data-comparison]")?.dataset.comparison === "klaar",
      undefined,
      { timeout: 120_000, polling: 200 },
    );
  }, 360_000);

  it("shows which projects decide the opgave in the first scenario, from the comparison's runs", async () => {
    const figure = page.locator('figure[data-chart="projecten_opgave"]');
    expect(await figure.locator('g[aria-label="bar"] rect').count()).toBeGreaterThan(0);
    const first = scenarios[0];
    const { model } = simulate(planningScope(first), { runs: 1, seed }).prepared;
    const spread = summariseCompletions(model, sampleCompletions(model, seed, 0, COUNCIL_RUNS));
    const rows = shortfallRows(first.projects, spread, first.opgave.deadlineYear);
    expect(await figure.locator(".ws-headline").textContent()).toBe(
      shortfallReading(rows, first.opgave.deadlineYear)?.text,
    );
  });

  it("lists the tornado's assumptions in order of effect, as the engine ranks them", async () => {
    const planning = planningScope(scenarios[0]);
    const { targets } = simulate(planning, { runs: 1, seed }).prepared;
    const expected = TORNADO_TARGETS.map((target) => {
      const t = targets.find((x) => x.id === target)!;
      return tornado(planning, { metric: t.metric, year: t.deadlineYear }, { runs: 200, seed });
    });
    const orders = await page
      .locator("main > :not(:has(.ws-report)) [data-order]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-order")));
    expect(orders).toEqual(expected.map((t) => t.bars.map((b) => b.assumption).join(" ")));
    const labels = await page
      .locator('figure[data-chart="tornado_opgave.realised"]')
      .first()
      .locator('g[aria-label="y-axis tick label"] text')
      .allTextContents();
    expect(labels).toEqual(expected[1].bars.map((b) => b.label));
  });

  it(`prints to ${REPORT_PAGES} A4 landscape pages, each with the scenario names and seed`, async () => {
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(REPORT_PAGES);
    for (let n = 1; n <= doc.numPages; n++) {
      const p = await doc.getPage(n);
      const [width, height] = [p.view[2], p.view[3]];
      // A4 landscape in points: 842 × 595 (Chromium rounds to whole pixels).
      expect(Math.abs(width - 842)).toBeLessThan(2);
      expect(Math.abs(height - 595)).toBeLessThan(2);
      const text = (await p.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
      expect(text).toContain("Basis Losser / Vertraging");
      expect(text).toContain(`seed ${seed}`);
      expect(text).toContain(`pagina ${n} van ${REPORT_PAGES}`);
      // The first page says what each scenario assumes differently from the baseline.
      if (n === 1) {
        expect(text).toContain("Wat elk scenario anders aanneemt dan Basis Losser");
        expect(text).toContain("Gelijk aan Basis Losser.");
        const basis = builtinScenario("basis");
        const first = scenarioChanges(basis, { ...builtinScenario("vertraging"), name: basis.name })[0];
        // The arrow comes in a font of its own, a text item of its own: spaces are evened out.
        expect(text.replace(/\s+/g, " ")).toContain(`${first.label}: ${first.from} → ${first.to}`);
      }
    }
  });
});

describe("methode.html", () => {
  it("renders the diagram, the band example and every assumption of the scenario", async () => {
    await page.goto(`${server.url}/methode.html`);
    await page
      .locator('figure[data-chart="realisatie"] g[aria-label="area"] path')
      .waitFor({ state: "attached" });
    expect(await page.locator("svg.ws-diagram rect").count()).toBe(6);
    const rows = await page.locator(".ws-assumptions tbody tr").count();
    expect(rows).toBe(assumptionRows(builtinScenario("basis")).length);
  });

  it("fits every table of assumptions in the page, names rows in Dutch, and filters by search and basis", async () => {
    const widths = await page.evaluate(() => {
      const box = document.querySelector(".ws-assumptions")!.getBoundingClientRect().width;
      for (const d of document.querySelectorAll<HTMLDetailsElement>(".ws-assumptions details")) d.open = true;
      const tables = [...document.querySelectorAll(".ws-assumptions table")].map(
        (t) => t.getBoundingClientRect().width,
      );
      return { box, widest: Math.max(...tables) };
    });
    expect(widths.widest).toBeLessThanOrEqual(widths.box + 1);
    const names = await page.locator(".ws-assumptions td.ws-name").allTextContents();
    expect(names.filter((n) => /\w\.\w|\[\d+\]/.test(n))).toEqual([]);
    await page.locator('input[name="zoek-aanname"]').fill("uitval");
    await page.locator('select[name="basis"]').selectOption("estimate");
    const shown = await page
      .locator(".ws-assumptions tbody tr:visible")
      .evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.basis, tr.textContent ?? ""]));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every(([basis, text]) => basis === "estimate" && /uitval/i.test(text!))).toBe(true);
    expect(await page.locator(".ws-shown").textContent()).toMatch(/^\d+ van \d+\.?\d* aannames\.$/);
    await page.locator('input[name="zoek-aanname"]').fill("");
    await page.locator('select[name="basis"]').selectOption("all");
    expect(await page.locator(".ws-assumptions tbody tr:visible").count()).toBe(
      assumptionRows(builtinScenario("basis")).length,
    );
  });

  it("shows the calibration table the command line prints: every row of the baseline, each inside its tolerance", async () => {
    await page.locator('.ws-calibration[data-state="klaar"]').waitFor({ timeout: 60_000 });
    const basis = builtinScenario("basis");
    const ids = await page
      .locator(".ws-calibration-table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [(tr as HTMLElement).dataset.row, (tr as HTMLElement).dataset.verdict]),
      );
    expect(ids).toEqual(basis.calibration!.map((r) => [r.id, "binnen de marge"]));
  });

  it("lists what the agreement commits to, where it sits in the model, and what is not in the model and why", async () => {
    const view = page.locator(".ws-coverage");
    const modelled = Number(await view.getAttribute("data-modelled"));
    const notModelled = Number(await view.getAttribute("data-not-modelled"));
    expect(modelled + notModelled).toBe(builtinScenario("basis").agreement!.commitments.length);
    expect(await page.locator("ul.ws-not-modelled li").count()).toBe(notModelled);
    expect(await page.locator("ul.ws-not-modelled").textContent()).toContain("vroegsignalering");
    expect(await view.locator(".ws-message--fout").count()).toBe(0);
  });
});

describe("all three notebooks", () => {
  it("each page of the site carries the Content-Security-Policy: no inline script, no eval", async () => {
    for (const name of ["index", "bouwplanning", "betaalbaarheid", "raad", "methode"]) {
      const html = readFileSync(new URL(`../../${OUT_DIR}/${name}.html`, import.meta.url), "utf8");
      expect(html, name).toContain(
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
      );
      expect(html, name).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
  });

  it("made no request beyond localhost and logged no errors, no CSP violation among them", () => {
    expect(found.blocked).toEqual([]);
    expect(found.errors).toEqual([]);
  });
});
