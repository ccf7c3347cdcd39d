import { figureValue, formatCount, type Scenario, SEGMENTS } from "../../engine/index";
import { MONTH_NAMES } from "./changes";
import { corporationNames, listNames } from "./corporations";

/**
 * The words a page uses for the municipality it models, taken from the loaded scenario: the
 * municipality, its kernen, the corporations, the tenants' organisation, the agreement with its period,
 * the building task with its deadline, and the years the model runs. The notebooks' texts are
 * templates over these, so another municipality's scenario reads as its own and Losser's baseline
 * reads exactly as the texts written for it.
 */
export interface ScenarioTexts {
  /** "Losser". */
  gemeente: string;
  /** The agreement as its readers name it, with the municipality: "Raamovereenkomst Volkshuisvesting Losser 2025–2030". */
  agreement: string;
  /** "Domijn", "Woonstichting A en Woonstichting B". */
  corporations: string;
  /** The tenants' organisation by name ("SHBL"), empty when the scenario names none. */
  tenantsName: string;
  /** The building task: "1.225". */
  opgave: string;
  /** The year the task should be done: 2034. */
  opgaveYear: number;
  /** The target share of social rent in new building: "30%". */
  socialShare: string;
  /** First and last simulated year: 2025, 2035. */
  startYear: number;
  endYear: number;
  /** The month the simulation starts: "oktober 2025". */
  startMonth: string;
  /** A kern to name as an example: the first with a target of its own, else the second (the first is often the main town). */
  exampleKern: string;
  /** The kernen with a target share of social rent: "Overdinkel 27%–33%"; empty when none. */
  kernTargets: string;
  /** The task's sums as the project list is built from them, one sentence part (see projectSums). */
  projectSums: string;
}

const percent = (x: number) => `${formatCount(Math.round(x * 1000) / 10).replace(/,0$/, "")}%`;

/**
 * The agreement with the municipality in its name. Losser's document is called "Raamovereenkomst
 * Volkshuisvesting 2025–2030"; on a page its readers call it "… Losser 2025–2030", so a name without
 * the municipality gets it before its period (or at its end when it has no period).
 */
function agreementTitle(s: Scenario): string {
  const gemeente = s.municipality.name;
  const name = s.agreement?.name ?? `de woonafspraken van ${gemeente}`;
  if (name.includes(gemeente)) return name;
  const period = /\s(\d{4}\s*[–-]\s*\d{4})$/.exec(name);
  return period ? `${name.slice(0, period.index)} ${gemeente} ${period[1]}` : `${name} ${gemeente}`;
}

const units = (p: Scenario["projects"][number]) =>
  SEGMENTS.reduce((sum, segment) => sum + figureValue(p.units[segment]), 0);

const figure = figureValue;

/** A target's window as a phrase: "tot en met 2030" from the start, else "in 2031–2035" (or "in 2031"). */
function windowPhrase(w: { fromYear: number; untilYear: number }, startYear: number): string {
  if (w.fromYear <= startYear) return `tot en met ${w.untilYear}`;
  return w.fromYear === w.untilYear ? `in ${w.fromYear}` : `in ${w.fromYear}–${w.untilYear}`;
}

function windowsPhrase(
  windows: readonly { fromYear: number; untilYear: number; homes: number | { value: number } }[],
  startYear: number,
  unit: string,
): string {
  return listNames(
    windows.map(
      (w, i) => `${formatCount(figure(w.homes))}${i === 0 ? ` ${unit}` : ""} ${windowPhrase(w, startYear)}`,
    ),
  );
}

/**
 * How the schematic project list adds up: "van de 1.225 woningen zijn er 302 gerealiseerd (september
 * 2025), staan er circa 317 in harde plannen en ongeveer 350 in zachte plannen, en moeten de overige
 * 256 nog worden ingepland; sleutelprojecten zijn …; Domijn rekent op …". The plan sums are counted from
 * the scenario's projects (in aanbouw and hard together, zacht, ambitie), not copied from a text.
 */
function projectSums(s: Scenario, startYear: number): string {
  const sum = (statuses: readonly string[]) =>
    s.projects.filter((p) => statuses.includes(p.status)).reduce((n, p) => n + units(p), 0);
  const realised = figure(s.opgave.realisedBeforeStart);
  const [year, month] = s.simulation.start.split("-").map(Number);
  const before = month === 1 ? `december ${year - 1}` : `${MONTH_NAMES[month - 2]} ${year}`;
  const parts = [
    `van de ${formatCount(figure(s.opgave.homes))} woningen ${
      realised > 0 ? `zijn er ${formatCount(realised)} gerealiseerd (${before}), staan` : "staan"
    } er circa ${formatCount(sum(["in_aanbouw", "hard"]))} in harde plannen en ongeveer ${formatCount(
      sum(["zacht"]),
    )} in zachte plannen, en moeten de overige ${formatCount(sum(["ambitie"]))} nog worden ingepland`,
  ];
  if (s.targets.sleutelprojecten.length > 0)
    parts.push(`sleutelprojecten zijn ${windowsPhrase(s.targets.sleutelprojecten, startYear, "woningen")}`);
  // Each corporation with targets of its own: "Domijn rekent op 40 … en A rekent op …".
  for (const c of s.corporations) {
    const windows = s.targets.socialAdditions.filter((w) => w.corporation === c.id);
    if (windows.length > 0)
      parts.push(`${c.name} rekent op ${windowsPhrase(windows, startYear, "sociale huurwoningen")}`);
  }
  return parts.join("; ");
}

export function scenarioTexts(s: Scenario): ScenarioTexts {
  const kernName = (id: string) => s.kernen.find((k) => k.id === id)?.name ?? id;
  const startYear = Number(s.simulation.start.slice(0, 4));
  const month = Number(s.simulation.start.slice(5, 7));
  const corporations = corporationNames(s);
  const bands = s.targets.socialShareByKern;
  return {
    gemeente: s.municipality.name,
    agreement: agreementTitle(s),
    corporations,
    tenantsName: s.tenantsOrganisation?.name ?? "",
    opgave: formatCount(figure(s.opgave.homes)),
    opgaveYear: s.opgave.deadlineYear,
    socialShare: percent(figure(s.targets.socialShareNewBuild)),
    startYear,
    endYear: s.simulation.endYear,
    startMonth: `${MONTH_NAMES[month - 1]} ${startYear}`,
    exampleKern: kernName(bands[0]?.kern ?? s.kernen[1]?.id ?? s.kernen[0]?.id ?? ""),
    kernTargets: listNames(
      bands.map((b) => `${kernName(b.kern)} ${percent(figure(b.min))}–${percent(figure(b.max))}`),
    ),
    projectSums: projectSums(s, startYear),
  };
}
