import { z } from "../../engine/index";
import { h } from "../common/dom";

/**
 * Form fields of the controls. A slider can only give values in its range; a typed number is checked
 * by a zod schema whose Dutch message names the field, and a refused value puts the last good one back.
 */

export interface RangeField {
  element: HTMLElement;
  input: HTMLInputElement;
  setValue(value: number): void;
}

export function rangeField(options: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  format: (value: number) => string;
  name: string;
  onInput: (value: number) => void;
}): RangeField {
  const output = h("output", {}, options.format(options.value));
  const input = h("input", {
    type: "range",
    name: options.name,
    min: String(options.min),
    max: String(options.max),
    step: String(options.step),
    value: String(options.value),
    "aria-label": options.label,
  });
  input.addEventListener("input", () => {
    output.textContent = options.format(input.valueAsNumber);
    options.onInput(input.valueAsNumber);
  });
  return {
    element: h("label", { class: "ws-range" }, h("span", {}, options.label), input, output),
    input,
    setValue(value) {
      input.value = String(value);
      output.textContent = options.format(value);
    },
  };
}

/**
 * A number as a Dutch user types it: a decimal comma ("12,5"), points between thousands ("1.250"),
 * spaces anywhere. A point alone before other than three digits is a decimal point ("12.5"), as a
 * phone's keypad may give it. Undefined when the text is no number: it is then refused, never guessed.
 */
export function parseDutchNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, "").replace(/^−/, "-");
  if (/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(t)) return Number(t.replaceAll(".", "").replace(",", "."));
  if (/^-?\d*\.\d+$/.test(t) || /^-?,\d+$/.test(t)) return Number(t.replace(",", "."));
  return undefined;
}

/** The typed text as a number for a schema: NaN when it is no number, so the schema says so. */
const typed = (v: unknown) =>
  typeof v === "number" ? v : typeof v === "string" ? (parseDutchNumber(v) ?? Number.NaN) : Number.NaN;

/**
 * A whole number from a form field, with the field's name in the message. "12,5" is not rounded nor
 * read as 125: it is refused with a message that says a whole number is wanted.
 */
export function wholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    typed,
    z
      .number({ error: `${label}: verwacht een getal` })
      .int({ error: `${label}: verwacht een geheel getal, zonder komma` })
      .min(min, { error: `${label}: minstens ${min.toLocaleString("nl-NL")}` })
      .max(max, { error: `${label}: hoogstens ${max.toLocaleString("nl-NL")}` }),
  );
}

export interface NumberField {
  element: HTMLElement;
  input: HTMLInputElement;
  setValue(value: number): void;
}

export function numberField(options: {
  label: string;
  name: string;
  value: number;
  schema: z.ZodType<number, unknown>;
  onChange: (value: number) => string | undefined;
  onProblem: (message: string) => void;
}): NumberField {
  let last = options.value;
  const input = h("input", {
    type: "text",
    inputmode: "numeric",
    name: options.name,
    value: String(last),
    size: 7,
  });
  input.addEventListener("change", () => {
    const parsed = options.schema.safeParse(input.value);
    const problem = parsed.success ? options.onChange(parsed.data) : parsed.error.issues[0].message;
    if (problem) {
      options.onProblem(problem);
      input.value = String(last);
    } else if (parsed.success) last = parsed.data;
  });
  return {
    element: h("label", { class: "ws-number" }, h("span", {}, options.label), input),
    input,
    setValue(value) {
      last = value;
      input.value = String(value);
    },
  };
}
