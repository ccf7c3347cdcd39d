import { formatDecimal, z } from "../../engine/index";
import { h } from "../common/dom";
import { parseDutchNumber } from "./fields";

/**
 * The streefhuur split as four form fields in percent: how the target rents of the social homes are
 * spread over the rent bands. The four must add up to 100%, so a change of one is only applied once the
 * four fit together; until then the fields keep what was typed and say what is wrong, and the scenario
 * stays as it was.
 */

export const RENT_SPLIT_BANDS = {
  kwaliteitskorting: "Tot de kwaliteitskortingsgrens",
  aftopping_laag: "Tot de eerste aftoppingsgrens",
  aftopping_hoog: "Tot de tweede aftoppingsgrens",
  liberalisatie: "Tot de liberalisatiegrens",
} as const;

export type RentSplit = Record<keyof typeof RENT_SPLIT_BANDS, number>;
type Band = keyof typeof RENT_SPLIT_BANDS;
const BANDS = Object.keys(RENT_SPLIT_BANDS) as Band[];

/** A percentage typed with a decimal comma (or point), as a fraction. */
function percentage(label: string) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? (parseDutchNumber(v) ?? Number.NaN) : Number.NaN),
      z
        .number({ error: `${label}: verwacht een percentage` })
        .min(0, { error: `${label}: minstens 0%` })
        .max(100, { error: `${label}: hoogstens 100%` }),
    )
    .transform((p) => p / 100);
}

export const rentSplitSchema = z
  .object({
    kwaliteitskorting: percentage(RENT_SPLIT_BANDS.kwaliteitskorting),
    aftopping_laag: percentage(RENT_SPLIT_BANDS.aftopping_laag),
    aftopping_hoog: percentage(RENT_SPLIT_BANDS.aftopping_hoog),
    liberalisatie: percentage(RENT_SPLIT_BANDS.liberalisatie),
  })
  .check((ctx) => {
    const total = BANDS.reduce((sum, b) => sum + ctx.value[b], 0);
    // Typed percentages with one decimal: a tolerance far below that, far above float error.
    if (Math.abs(total - 1) > 1e-6)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `Streefhuurverdeling: de vier aandelen tellen op tot ${formatDecimal(total * 100).replace(/,0$/, "")}%; samen moeten ze 100% zijn`,
      });
  });

export interface RentSplitField {
  element: HTMLElement;
  setValue(split: RentSplit): void;
}

const asPercent = (share: number) => formatDecimal(share * 100).replace(/,0$/, "");

export function rentSplitField(options: {
  onChange: (split: RentSplit) => void;
  onProblem: (message: string) => void;
}): RentSplitField {
  const inputs = Object.fromEntries(
    BANDS.map((b) => [
      b,
      h("input", {
        type: "text",
        inputmode: "decimal",
        name: `streefhuur-${b}`,
        "aria-label": `${RENT_SPLIT_BANDS[b]} (%)`,
        size: 5,
      }),
    ]),
  ) as Record<Band, HTMLInputElement>;
  const read = () => {
    const parsed = rentSplitSchema.safeParse(Object.fromEntries(BANDS.map((b) => [b, inputs[b].value])));
    if (parsed.success) options.onChange(parsed.data);
    else options.onProblem(parsed.error.issues[0].message);
  };
  for (const b of BANDS) inputs[b].addEventListener("change", read);
  return {
    element: h(
      "fieldset",
      { class: "ws-rent-split" },
      h("legend", {}, "Streefhuurverdeling (% van de sociale huurwoningen)"),
      ...BANDS.map((b) =>
        h("label", { class: "ws-number" }, h("span", {}, RENT_SPLIT_BANDS[b]), inputs[b], "%"),
      ),
    ),
    setValue(split) {
      for (const b of BANDS) inputs[b].value = asPercent(split[b]);
    },
  };
}
