import { mkdirSync } from "node:fs";
import { buildSite, launchBrowser, serveSite, settled } from "../test/browser/harness";

/**
 * Reference screenshots of the notebooks on a laptop (1440×900) and a phone (390×844), from the
 * built site: `npm run screenshots` writes them to test/screenshots/. Look at them after a change.
 */

const OUT = new URL("../test/screenshots/", import.meta.url).pathname;
const SIZES = [
  { name: "1440", viewport: { width: 1440, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
];

mkdirSync(OUT, { recursive: true });
buildSite();
const server = await serveSite();
try {
  for (const { name, viewport } of SIZES) {
    const browser = await launchBrowser(viewport);
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/index.html`);
      await page.screenshot({ path: `${OUT}index-${name}.png` });
      await page.goto(`${server.url}/bouwplanning.html`);
      await settled(page);
      await page.screenshot({ path: `${OUT}bouwplanning-${name}.png` });
      await page.screenshot({ path: `${OUT}bouwplanning-${name}-volledig.png`, fullPage: true });
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
console.log(`Schermafbeeldingen geschreven naar ${OUT}`);
