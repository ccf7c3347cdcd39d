// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { chartSvg, wrapText } from "../../../web/common/export";

describe("an exported image", () => {
  it("write the notes into the SVG beneath the chart, wrapped to its width", () => {
    const chart = document.createElement("div");
    chart.innerHTML = '<svg width="400" height="200"><g aria-label="area"></g></svg>';
    const long = "woord ".repeat(80).trim();
    const svg = chartSvg(chart, "Titel", [long, "Scenario: Basis Losser · seed 1"]);
    expect(svg.text).toContain("Scenario: Basis Losser · seed 1");
    const lines = wrapText(long, 66);
    expect(lines.every((l) => l.length <= 66)).toBe(true);
    expect(svg.height).toBeGreaterThan(28 + 200 + 15 * 3);
  });
});
