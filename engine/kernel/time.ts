/**
 * Simulated time. The model steps in quarters from the scenario's start month (the first month of a
 * quarter) to the end of its last year; delays are in months, results are reported per calendar year.
 */
export interface Calendar {
  /** First simulated month as `year * 12 + (month - 1)`. */
  startAbsMonth: number;
  startYear: number;
  endYear: number;
  nYears: number;
  nQuarters: number;
}

export function absMonth(yyyyMm: string): number {
  return Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
}

export function calendar(start: string, endYear: number): Calendar {
  const startAbsMonth = absMonth(start);
  const startYear = Math.floor(startAbsMonth / 12);
  const months = (endYear + 1) * 12 - startAbsMonth;
  return {
    startAbsMonth,
    startYear,
    endYear,
    nYears: endYear - startYear + 1,
    nQuarters: Math.ceil(months / 3),
  };
}

/** Months since the start for a `YYYY-MM`; negative when it lies before the start. */
export function monthsFromStart(cal: Calendar, yyyyMm: string): number {
  return absMonth(yyyyMm) - cal.startAbsMonth;
}

/** Index (0 = start year) of the calendar year a quarter falls in. */
export function yearOfQuarter(cal: Calendar, quarter: number): number {
  return Math.floor((cal.startAbsMonth + 3 * quarter) / 12) - cal.startYear;
}

/** Index (0 = start year) of the calendar year a month (counted from the start) falls in. */
export function yearOfMonth(cal: Calendar, month: number): number {
  return Math.floor((cal.startAbsMonth + month) / 12) - cal.startYear;
}

/** True for the last quarter of a calendar year: where a year's stock is read off. */
export function endsYear(cal: Calendar, quarter: number): boolean {
  return (cal.startAbsMonth + 3 * quarter + 3) % 12 === 0;
}

/** True for the quarter that holds July, when rents go up. */
export function isJulyQuarter(cal: Calendar, quarter: number): boolean {
  return (cal.startAbsMonth + 3 * quarter) % 12 === 6;
}

/** The first simulated quarter of a calendar year (by index), where once-a-year events happen. */
export function firstQuarterOfYear(cal: Calendar, yearIndex: number): number {
  const months = (cal.startYear + yearIndex) * 12 - cal.startAbsMonth;
  return Math.max(0, Math.ceil(months / 3));
}
