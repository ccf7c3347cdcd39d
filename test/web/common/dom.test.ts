// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { numberCell, textTable } from "../../../web/common/dom";

describe("textTable", () => {
  it("writes a header row and body rows with their props, numbers in number cells, text as text", () => {
    const table = textTable(
      { class: "ws-table" },
      ["doel", "kans"],
      [
        { props: { dataset: { target: "opgave" } }, cells: ["<b>1.225</b> woningen", numberCell("6%")] },
        { cells: ["sociaal", { text: "bron", props: { class: "ws-small" } }] },
      ],
    );
    expect(table.className).toBe("ws-table");
    expect([...table.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["doel", "kans"]);
    const rows = table.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(2);
    expect((rows[0] as HTMLElement).dataset.target).toBe("opgave");
    expect(rows[0].querySelector("b")).toBeNull();
    expect(rows[0].children[0].textContent).toBe("<b>1.225</b> woningen");
    expect(rows[0].children[1].className).toBe("ws-num");
    expect(rows[1].children[1].className).toBe("ws-small");
  });
});
