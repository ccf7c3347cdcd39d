import { describe, expect, it } from "vitest";
import { rewriteCdn } from "../../scripts/vite-plugin-offline";

describe("rewriteCdn", () => {
  it("turns CDN imports of libraries we ship into bare imports bundled from node_modules", () => {
    const code = 'export const Plot = () => import("https://cdn.jsdelivr.net/npm/@observablehq/plot/+esm");';
    expect(rewriteCdn(code)).toBe('export const Plot = () => import("@observablehq/plot");');
    expect(rewriteCdn('export * from "https://cdn.jsdelivr.net/npm/@observablehq/inputs/+esm";')).toBe(
      'export * from "@observablehq/inputs";',
    );
  });

  it("makes a lazy import of a library we do not ship fail with a Dutch message, without fetching", () => {
    const out = rewriteCdn(
      'export const _ = () => import("https://cdn.jsdelivr.net/npm/lodash/+esm").then((_) => _.default);',
    );
    expect(out).toContain('Promise.reject(new Error("lodash is niet beschikbaar');
    expect(out).toMatch(/^export const _ =/);
    expect(out).not.toContain("https://");
  });

  it("replaces a module built on an unshipped library with one that throws when a cell asks for it", () => {
    const out = rewriteCdn(
      'import { Icon } from "https://cdn.jsdelivr.net/npm/leaflet/+esm";\nexport const x = 1;',
    );
    expect(out).toBe('throw new Error("leaflet is niet beschikbaar: woonscenario werkt zonder internet");\n');
  });

  it("points any other CDN URL at the local server", () => {
    expect(rewriteCdn('const u = "https://cdn.jsdelivr.net/npm/@observablehq/sample-datasets/" + n;')).toBe(
      'const u = "/__offline__/@observablehq/sample-datasets/" + n;',
    );
  });
});

describe("rewriteCdn on stylesheets", () => {
  it("points a shipped package's file at node_modules", () => {
    expect(
      rewriteCdn('@import url("https://cdn.jsdelivr.net/npm/@observablehq/inputs/dist/index.css");'),
    ).toBe('@import url("@observablehq/inputs/dist/index.css");');
  });
});
