/** Numbers the Dutch way: 10.150 woningen, 18,0%. Used by the command line and the notebooks alike. */

const integer = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(x: number): string {
  return integer.format(x);
}

export function formatDecimal(x: number): string {
  return oneDecimal.format(x);
}

/** A fraction as a percentage with one decimal: 0.1803 → "18,0%". */
export function formatShare(x: number): string {
  return `${oneDecimal.format(x * 100)}%`;
}

/** A probability as a whole percentage, "< 1%" and "> 99%" at the ends so 0 and 100 mean exactly that. */
export function formatProbability(p: number): string {
  if (p === 0) return "0%";
  if (p === 1) return "100%";
  if (p < 0.01) return "< 1%";
  if (p > 0.99) return "> 99%";
  return `${integer.format(p * 100)}%`;
}

/**
 * A difference between two scenarios in the unit of its metric: shares in percentage points (the
 * difference of 18% and 20% is 2 procentpunt, not 2%), years with a decimal, counts (homes, households,
 * people) and euros whole.
 */
export function formatDifference(x: number, unit: string): string {
  if (unit === "aandeel") return `${oneDecimal.format(x * 100)} procentpunt`;
  if (unit === "jaren") return `${oneDecimal.format(x)} jaar`;
  if (unit === "euro") return `€ ${integer.format(x)}`;
  return integer.format(x);
}
