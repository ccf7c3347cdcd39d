import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { buildSite, launchBrowser, serveSite, settled } from "../test/browser/harness";

/**
 * Reference screenshots of the notebooks on a laptop (1440×900) and a phone (390×844), from the
 * built site, and the council's print layout as a PDF: `npm run screenshots` writes them to
 * test/screenshots/. Look at them after a change (`pdftoppm -png raad-print.pdf raad-print` turns the
 * PDF into one PNG per page).
 */

const OUT = new URL("../test/screenshots/", import.meta.url).pathname;
const SIZES = [
  { name: "1440", viewport: { width: 1440, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
];

/** Each notebook and what shows it is done. */
const NOTEBOOKS: { name: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: "index", ready: async () => {} },
  { name: "bouwplanning", ready: (page) => settled(page) },
  {
    name: "betaalbaarheid",
    ready: (page) =>
      page.waitForFunction(
        () =>
          document.querySelector<HTMLElement>(".ws-progress")?.dataset.state === "klaar" &&
          document.querySelectorAll("figure[data-chart]").length === 8,
        undefined,
        { timeout: 60_000 },
      ),
  },
  {
    name: "raad",
    ready: (page) =>
      page.locator('[data-chart^="tornado"] svg').first().waitFor({ state: "attached", timeout: 60_000 }),
  },
  {
    name: "methode",
    ready: (page) =>
      page.locator('figure[data-chart] g[aria-label="area"] path').waitFor({ state: "attached" }),
  },
];

mkdirSync(OUT, { recursive: true });
buildSite();
const server = await serveSite();
try {
  for (const { name: size, viewport } of SIZES) {
    const browser = await launchBrowser(viewport);
    try {
      const page = await browser.context.newPage();
      for (const { name, ready } of NOTEBOOKS) {
        await page.goto(`${server.url}/${name}.html`);
        await ready(page);
        await page.screenshot({ path: `${OUT}${name}-${size}.png` });
        if (name !== "index")
          await page.screenshot({ path: `${OUT}${name}-${size}-volledig.png`, fullPage: true });
        if (name === "raad" && size === "1440")
          writeFileSync(
            `${OUT}raad-print.pdf`,
            await page.pdf({ format: "A4", landscape: true, printBackground: true }),
          );
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
console.log(`Schermafbeeldingen geschreven naar ${OUT}`);
