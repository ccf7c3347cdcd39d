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

/** A whole number from a form field, with the field's name in the message. */
export function wholeNumber(label: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${label}: verwacht een getal` })
    .int({ error: `${label}: verwacht een geheel getal` })
    .min(min, { error: `${label}: minstens ${min.toLocaleString("nl-NL")}` })
    .max(max, { error: `${label}: hoogstens ${max.toLocaleString("nl-NL")}` });
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
  schema: z.ZodType<number>;
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
    const parsed = options.schema.safeParse(input.value.trim().replace(/\./g, ""));
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
