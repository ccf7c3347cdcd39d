/** A target's chance as a traffic light: the same thresholds on the scorecard, in the council's table and in print. */
export const LIGHTS = [
  { min: 0.8, color: "groen", label: "op koers" },
  { min: 0.5, color: "oranje", label: "onzeker" },
  { min: 0, color: "rood", label: "niet op koers" },
] as const;

export function lightFor(probability: number): (typeof LIGHTS)[number] {
  return LIGHTS.find((l) => probability >= l.min) ?? LIGHTS[LIGHTS.length - 1];
}
