import {
  formatCount,
  KIND_LABELS,
  ownerLabels,
  ownersOf,
  type Scenario,
  SEGMENT_LABELS,
  STATUS_LABELS,
} from "../../engine/index";

/**
 * Every figure of a scenario in the words of its readers: a Dutch name a planner understands, the theme
 * it belongs to, and its unit, from its place in the scenario (`pipeline.statuses.zacht.dropOut` →
 * "Uitval van zachte plannen", %, theme "Bouwpijplijn"). The method notebook lists them; anything that
 * shows a figure to a person can name it the same way. A place without a rule has no name, and the
 * method notebook's test fails on it.
 */

/** How a figure is written. Shares are stored as fractions (0.058) and shown as percentages (5,8%). */
export type UnitKind =
  | "percent"
  | "percentPerYear"
  | "euroPerMonth"
  | "euroPerYear"
  | "euroFactor"
  | "factor"
  | "year"
  | "years"
  | "months"
  | "age"
  | "count";

export interface FigureUnit {
  kind: UnitKind;
  /** What the unit column says: "percentage", "euro per maand", "woningen", "factor (zonder eenheid)". */
  label: string;
}

const U = {
  percent: { kind: "percent", label: "percentage" },
  percentPerYear: { kind: "percentPerYear", label: "percentage per jaar" },
  chancePerYear: { kind: "percentPerYear", label: "kans per jaar" },
  euroPerMonth: { kind: "euroPerMonth", label: "euro per maand" },
  euroPerYear: { kind: "euroPerYear", label: "euro per jaar (bruto)" },
  euroPerEuro: { kind: "euroFactor", label: "euro per euro (factor)" },
  factor: { kind: "factor", label: "factor (zonder eenheid)" },
  year: { kind: "year", label: "jaartal" },
  years: { kind: "years", label: "jaren" },
  months: { kind: "months", label: "maanden" },
  age: { kind: "age", label: "leeftijd in jaren" },
  homes: { kind: "count", label: "woningen" },
  homesPerYear: { kind: "count", label: "woningen per jaar" },
  projectsPerYear: { kind: "count", label: "projecten per jaar" },
  inhabitants: { kind: "count", label: "inwoners" },
  persons: { kind: "count", label: "personen" },
  personsPerHalfYear: { kind: "count", label: "personen per halfjaar" },
  personsPerYear: { kind: "count", label: "personen per jaar" },
  householdsPerYear: { kind: "count", label: "huishoudens per jaar" },
  rooms: { kind: "count", label: "kamers" },
} satisfies Record<string, FigureUnit>;

export interface FigureName {
  theme: string;
  name: string;
  unit: FigureUnit;
}

/** The themes, in the order the method notebook shows them. */
export const THEMES = [
  "Gemeente en overeenkomst",
  "Economie: lonen en prijzen",
  "Woningvoorraad bij de start",
  "Opgave en doelen",
  "Projecten",
  "Bouwpijplijn: vertraging en uitval",
  "Beleid: verkoop, aankoop, sloop en splitsing",
  "Sociale huurwoningen",
  "Woningzoekenden en huurders",
  "Toewijzing: regels en voorrang",
  "Statushouders",
  "Wettelijke grenzen: inkomens en huren",
  "Huurbeleid en huurtoeslag",
  "Inkomen, energie en betaalrisico",
] as const;

const HOUSEHOLD: Record<string, string> = {
  starter: "starters",
  gezin: "gezinnen",
  senior: "senioren",
  overig: "overige huishoudens",
  urgent: "urgente huishoudens",
  statushouder: "statushouders",
};
const TYPE: Record<string, string> = {
  eengezinswoning: "eengezinswoningen",
  appartement: "appartementen",
  nultredenwoning: "nultredenwoningen",
};
const BAND: Record<string, string> = {
  kwaliteitskorting: "tot de kwaliteitskortingsgrens",
  aftopping_laag: "tot de lage aftoppingsgrens",
  aftopping_hoog: "tot de hoge aftoppingsgrens",
  liberalisatie: "tot de liberalisatiegrens",
};
const RENT_LIMIT: Record<string, string> = {
  kwaliteitskortingsgrens: "Kwaliteitskortingsgrens",
  aftoppingsgrensLaag: "Lage aftoppingsgrens",
  aftoppingsgrensHoog: "Hoge aftoppingsgrens",
  liberalisatiegrens: "Liberalisatiegrens",
  middenhuurgrens: "Middenhuurgrens",
};
const INCOME_LIMIT: Record<string, string> = {
  onePerson: "eenpersoonshuishouden",
  morePersons: "meerpersoonshuishouden",
  onePersonAow: "eenpersoonshuishouden op AOW-leeftijd",
  morePersonsAow: "meerpersoonshuishouden op AOW-leeftijd",
};
const TRIANGLE: Record<string, string> = {
  min: "kortste",
  mode: "meest voorkomende",
  max: "langste",
};
/** The pipeline's statuses as a sentence names them ("uitval van projecten in aanbouw"). */
const PIPELINE: Record<string, string> = {
  in_aanbouw: "projecten in aanbouw",
  ambitie: "ambities (nog zonder plan)",
};
const status = (s: string) => PIPELINE[s] ?? STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s;
const segment = (s: string) => SEGMENT_LABELS[s as keyof typeof SEGMENT_LABELS] ?? s;
/** An owner as the scenario names it: a corporation by its name, the other two owners in words. */
const owner = (scenario: Scenario, s: string) => ownerLabels(ownersOf(scenario.corporations))[s] ?? s;
const corporationName = (scenario: Scenario, id: unknown) =>
  scenario.corporations.find((c) => c.id === id)?.name ?? "de corporatie";
const firstCorporation = (scenario: Scenario) => scenario.corporations[0]?.name ?? "de corporatie";
const persons = (i: number, last: number) =>
  i + 1 === last ? `${i + 1} of meer personen` : i === 0 ? "1 persoon" : `${i + 1} personen`;

type Loose = Record<string, unknown>;
const at = (scenario: Scenario, ...keys: (string | number)[]): Loose | undefined => {
  let node: unknown = scenario;
  for (const k of keys) node = (node as Record<string | number, unknown> | undefined)?.[k];
  return node as Loose | undefined;
};
const kernName = (scenario: Scenario, id: unknown) =>
  scenario.kernen.find((k) => k.id === id)?.name ?? String(id);
const label = (record: Loose | undefined, fallback: string) =>
  typeof record?.label === "string" ? record.label : fallback;

type Rule = [RegExp, string, (m: RegExpExecArray, s: Scenario) => string, FigureUnit];

const P = "Bouwpijplijn: vertraging en uitval";
const Q = "Woningzoekenden en huurders";
const R = "Toewijzing: regels en voorrang";
const L = "Wettelijke grenzen: inkomens en huren";
const H = "Huurbeleid en huurtoeslag";
const E = "Inkomen, energie en betaalrisico";

/** First match wins; patterns are on the whole path. */
const RULES: Rule[] = [
  // Gemeente en overeenkomst
  [
    /^municipality\.inhabitants$/,
    THEMES[0],
    (_, s) => `Inwoners van ${s.municipality.name} bij de start`,
    U.inhabitants,
  ],
  [
    /^municipality\.personsPerDwellingChange$/,
    THEMES[0],
    () => "Verandering van het aantal personen per woning (gezinsverdunning)",
    U.percentPerYear,
  ],
  [/^agreement\.fromYear$/, THEMES[0], () => "Overeenkomst: eerste jaar", U.year],
  [/^agreement\.untilYear$/, THEMES[0], () => "Overeenkomst: laatste jaar", U.year],
  // Economie
  [
    /^economy\.wageGrowth\.byYear\.(\d{4})$/,
    THEMES[1],
    (m) => `Loonontwikkeling in ${m[1]}`,
    U.percentPerYear,
  ],
  [/^economy\.wageGrowth\.default$/, THEMES[1], () => "Loonontwikkeling in latere jaren", U.percentPerYear],
  [/^economy\.inflation\.byYear\.(\d{4})$/, THEMES[1], (m) => `Inflatie in ${m[1]}`, U.percentPerYear],
  [/^economy\.inflation\.default$/, THEMES[1], () => "Inflatie in latere jaren", U.percentPerYear],
  // Voorraad
  [
    /^stock\[(\d+)\]\.dwellings$/,
    THEMES[2],
    (m, s) => {
      const e = s.stock[Number(m[1])];
      return `${kernName(s, e.kern)}: ${segment(e.segment)} (${owner(s, e.owner)})`;
    },
    U.homes,
  ],
  // Opgave en doelen
  [/^opgave\.homes$/, THEMES[3], () => "Opgave: te bouwen woningen", U.homes],
  [/^opgave\.deadlineYear$/, THEMES[3], () => "Opgave: jaar waarin ze gehaald moet zijn", U.year],
  [/^opgave\.realisedBeforeStart$/, THEMES[3], () => "Opgave: al gerealiseerd vóór de start", U.homes],
  [
    /^targets\.socialShareNewBuild$/,
    THEMES[3],
    () => "Doel: aandeel sociale huur in de nieuwbouw",
    U.percent,
  ],
  [
    /^targets\.affordableShareNewBuild$/,
    THEMES[3],
    () => "Doel: aandeel betaalbaar (sociaal en midden) in de nieuwbouw",
    U.percent,
  ],
  ...periodRules(
    "sleutelprojecten",
    (s, i) => s.targets.sleutelprojecten?.[i],
    () => "Sleutelprojecten",
  ),
  ...periodRules(
    "socialAdditions",
    (s, i) => s.targets.socialAdditions?.[i],
    (s, i) => `Sociale huur die ${corporationName(s, s.targets.socialAdditions?.[i]?.corporation)} toevoegt`,
  ),
  [
    /^targets\.socialShareByKern\[(\d+)\]\.(min|max)$/,
    THEMES[3],
    (m, s) => {
      const t = at(s, "targets", "socialShareByKern", Number(m[1]));
      const where = t?.kern ? ` in ${kernName(s, t.kern)}` : " per kern";
      return `Doel: aandeel sociale huur${where}, ${m[2] === "min" ? "ondergrens" : "bovengrens"}`;
    },
    U.percent,
  ],
  [/^targets\.inhabitants$/, THEMES[3], () => "Doel: inwoners (groeiambitie)", U.inhabitants],
  // Projecten
  [
    /^projects\[(\d+)\]\.units\.(\w+)$/,
    THEMES[4],
    (m, s) => {
      const p = s.projects[Number(m[1])];
      const kind = p.kind && p.kind !== "nieuwbouw" ? ` (${KIND_LABELS[p.kind]})` : "";
      return `${p.id} ${p.name}${kind}: ${segment(m[2])}`;
    },
    U.homes,
  ],
  // Bouwpijplijn
  [/^pipeline\.statuses\.(\w+)\.dropOut$/, P, (m) => `Uitval van ${status(m[1])}`, U.percent],
  [
    /^pipeline\.statuses\.(\w+)\.delayMonths\.(min|mode|max)$/,
    P,
    (m) => `Vertraging van ${status(m[1])}: ${TRIANGLE[m[2]]}`,
    U.months,
  ],
  [
    /^pipeline\.statuses\.(\w+)\.objection\.chance$/,
    P,
    (m) => `Kans op bezwaar en beroep bij ${status(m[1])}`,
    U.percent,
  ],
  [
    /^pipeline\.statuses\.(\w+)\.objection\.months\.(min|mode|max)$/,
    P,
    (m) => `Duur van bezwaar en beroep bij ${status(m[1])}: ${TRIANGLE[m[2]]}`,
    U.months,
  ],
  [
    /^pipeline\.shocks\[(\d+)\]\.chancePerYear$/,
    P,
    (m, s) => `${label(at(s, "pipeline", "shocks", Number(m[1])), "Schok")}: kans per jaar`,
    U.chancePerYear,
  ],
  [
    /^pipeline\.shocks\[(\d+)\]\.delayMonths\.(min|mode|max)$/,
    P,
    (m, s) => `${label(at(s, "pipeline", "shocks", Number(m[1])), "Schok")}: vertraging, ${TRIANGLE[m[2]]}`,
    U.months,
  ],
  [
    /^pipeline\.shocks\[(\d+)\]\.(fromYear|toYear)$/,
    P,
    (m, s) =>
      `${label(at(s, "pipeline", "shocks", Number(m[1])), "Schok")}: ${m[2] === "fromYear" ? "vanaf" : "tot en met"} jaar`,
    U.year,
  ],
  [
    /^pipeline\.capacity\.projectsPerYear$/,
    P,
    () => "Capaciteit van de gemeente: projecten per jaar in procedure",
    U.projectsPerYear,
  ],
  [/^pipeline\.capacity\.leadMonths$/, P, () => "Van vastgesteld plan tot oplevering", U.months],
  [
    /^pipeline\.levers\[(\d+)\]\.monthsSaved$/,
    P,
    (m, s) => `${label(at(s, "pipeline", "levers", Number(m[1])), "Versneller")}: tijdwinst`,
    U.months,
  ],
  [
    /^pipeline\.levers\[(\d+)\]\.fromYear$/,
    P,
    (m, s) => `${label(at(s, "pipeline", "levers", Number(m[1])), "Versneller")}: vanaf jaar`,
    U.year,
  ],
  [
    /^pipeline\.replacement\.chance$/,
    P,
    () => "Kans dat een uitgevallen plan wordt vervangen door een nieuw plan",
    U.percent,
  ],
  [/^pipeline\.replacement\.delayMonths$/, P, () => "Een vervangend plan komt later", U.months],
  // Beleid
  [
    /^policy\.sales\.perYear$/,
    THEMES[6],
    (_, s) => `Verkoop van sociale huurwoningen door ${firstCorporation(s)}`,
    U.homesPerYear,
  ],
  [
    /^policy\.sales\.byYear\.(\d{4})$/,
    THEMES[6],
    (m) => `Verkoop van sociale huurwoningen in ${m[1]}`,
    U.homes,
  ],
  [
    /^policy\.acquisitions\.perYear$/,
    THEMES[6],
    (_, s) => `Aankoop van woningen door ${firstCorporation(s)}`,
    U.homesPerYear,
  ],
  [/^policy\.acquisitions\.byYear\.(\d{4})$/, THEMES[6], (m) => `Aankoop van woningen in ${m[1]}`, U.homes],
  // The sales and purchases of the corporations after the first (the first one's are the policy's).
  [
    /^corporations\[(\d+)\]\.sales\.perYear$/,
    THEMES[6],
    (m, s) => `Verkoop van sociale huurwoningen door ${corporationName(s, s.corporations[Number(m[1])]?.id)}`,
    U.homesPerYear,
  ],
  [
    /^corporations\[(\d+)\]\.sales\.byYear\.(\d{4})$/,
    THEMES[6],
    (m, s) => `Verkoop door ${corporationName(s, s.corporations[Number(m[1])]?.id)} in ${m[2]}`,
    U.homes,
  ],
  [
    /^corporations\[(\d+)\]\.acquisitions\.perYear$/,
    THEMES[6],
    (m, s) => `Aankoop van woningen door ${corporationName(s, s.corporations[Number(m[1])]?.id)}`,
    U.homesPerYear,
  ],
  [
    /^corporations\[(\d+)\]\.acquisitions\.byYear\.(\d{4})$/,
    THEMES[6],
    (m, s) => `Aankoop door ${corporationName(s, s.corporations[Number(m[1])]?.id)} in ${m[2]}`,
    U.homes,
  ],
  [
    /^policy\.demolitions\[(\d+)\]\.year$/,
    THEMES[6],
    (m, s) => `Sloop${recordText(s, "demolitions", Number(m[1]))}: jaar`,
    U.year,
  ],
  [
    /^policy\.demolitions\[(\d+)\]\.dwellings$/,
    THEMES[6],
    (m, s) => `Sloop${recordText(s, "demolitions", Number(m[1]))}: woningen`,
    U.homes,
  ],
  [
    /^policy\.splittings\[(\d+)\]\.year$/,
    THEMES[6],
    (m, s) => `Splitsing${recordText(s, "splittings", Number(m[1]))}: jaar`,
    U.year,
  ],
  [
    /^policy\.splittings\[(\d+)\]\.homes$/,
    THEMES[6],
    (m, s) => `Splitsing${recordText(s, "splittings", Number(m[1]))}: te splitsen woningen`,
    U.homes,
  ],
  [
    /^policy\.splittings\[(\d+)\]\.unitsPerHome$/,
    THEMES[6],
    (m, s) => `Splitsing${recordText(s, "splittings", Number(m[1]))}: nieuwe woningen per gesplitste woning`,
    U.homes,
  ],
  // Sociale huurwoningen
  [
    /^allocation\.dwellings\.typeShares\.(\w+)$/,
    THEMES[7],
    (m) => `Aandeel ${TYPE[m[1]]} in de sociale voorraad`,
    U.percent,
  ],
  [
    /^allocation\.dwellings\.newBuildTypeShares\.(\w+)$/,
    THEMES[7],
    (m) => `Aandeel ${TYPE[m[1]]} in de sociale nieuwbouw`,
    U.percent,
  ],
  [
    /^allocation\.dwellings\.rooms\.(\w+)\.(min|max)$/,
    THEMES[7],
    (m) => `Kamers in ${TYPE[m[1]]}: ${m[2] === "min" ? "minste" : "meeste"}`,
    U.rooms,
  ],
  [
    /^allocation\.dwellings\.rentBandShares\.(\w+)$/,
    THEMES[7],
    (m) => `Streefhuren: aandeel woningen ${BAND[m[1]]}`,
    U.percent,
  ],
  [
    /^allocation\.dwellings\.energyLabelShares\.(\w)$/,
    THEMES[7],
    (m) => `Aandeel woningen met energielabel ${m[1]}`,
    U.percent,
  ],
  // Woningzoekenden en huurders
  [/^allocation\.households\.(\w+)\.ageMin$/, Q, (m) => `Leeftijd van ${HOUSEHOLD[m[1]]}: jongste`, U.age],
  [/^allocation\.households\.(\w+)\.ageMax$/, Q, (m) => `Leeftijd van ${HOUSEHOLD[m[1]]}: oudste`, U.age],
  [
    /^allocation\.households\.(\w+)\.sizeShares\[(\d+)\]$/,
    Q,
    (m, s) => {
      const shares = at(s, "allocation", "households", m[1], "sizeShares") as unknown as
        | unknown[]
        | undefined;
      return `Huishoudgrootte van ${HOUSEHOLD[m[1]]}: aandeel met ${persons(Number(m[2]), shares?.length ?? 0)}`;
    },
    U.percent,
  ],
  [
    /^allocation\.households\.(\w+)\.incomeMedian$/,
    Q,
    (m) => `Bruto huishoudinkomen van ${HOUSEHOLD[m[1]]}: mediaan`,
    U.euroPerYear,
  ],
  [
    /^allocation\.households\.(\w+)\.incomeSpread$/,
    Q,
    (m) => `Spreiding van het inkomen van ${HOUSEHOLD[m[1]]} (lognormaal)`,
    U.factor,
  ],
  [
    /^allocation\.tenants\.(\w+)\.(\w+)$/,
    Q,
    (m) => `Zittende huurders van ${TYPE[m[1]]}: aandeel ${HOUSEHOLD[m[2]]}`,
    U.percent,
  ],
  [
    /^allocation\.arrivals\.(\w+)$/,
    Q,
    (m) => `Nieuwe woningzoekenden per jaar: ${HOUSEHOLD[m[1]]}`,
    U.householdsPerYear,
  ],
  [
    /^allocation\.queue\.exitPerYear$/,
    Q,
    () => "Woningzoekenden die per jaar afhaken (elders gevonden, uitgeschreven)",
    U.percentPerYear,
  ],
  [/^allocation\.queue\.initialYears$/, Q, () => "Wachtlijst bij de start: inschrijvingen van", U.years],
  [
    /^allocation\.queue\.kernPreferenceShare$/,
    Q,
    () => "Woningzoekenden die alleen in één kern zoeken",
    U.percent,
  ],
  [
    /^allocation\.doorstroming\.registrationPerYear$/,
    Q,
    () => "Oudere huurders van een eengezinswoning die zich per jaar inschrijven voor een nultredenwoning",
    U.percentPerYear,
  ],
  [/^allocation\.doorstroming\.fromAge$/, Q, () => "Doorstromers: vanaf leeftijd", U.age],
  [
    /^allocation\.turnover\.byAge\[(\d+)\]\.fromAge$/,
    Q,
    (m, s) =>
      `Verhuizing van zittende huurders, leeftijdsgroep ${Number(m[1]) + 1}${ageGroup(s, Number(m[1]))}: vanaf leeftijd`,
    U.age,
  ],
  [
    /^allocation\.turnover\.byAge\[(\d+)\]\.rate$/,
    Q,
    (m, s) => `Kans dat een zittende huurder verhuist, hoofd${ageGroup(s, Number(m[1]))}`,
    U.chancePerYear,
  ],
  [
    /^allocation\.turnover\.typeFactor\.(\w+)$/,
    Q,
    (m) => `Verhuiskans in ${TYPE[m[1]]} ten opzichte van gemiddeld`,
    U.factor,
  ],
  [
    /^allocation\.sales\.tenantBuyerShare$/,
    Q,
    (_, s) => `Verkochte woningen die naar een huurder uit ${s.municipality.name} gaan`,
    U.percent,
  ],
  // Toewijzing
  [
    /^allocation\.localPriority\.localShare$/,
    R,
    () => "Woningzoekenden die al in de gemeente wonen",
    U.percent,
  ],
  [
    /^allocation\.localPriority\.youngFromAge$/,
    R,
    () => "Lokale voorrang voor jongeren: vanaf leeftijd",
    U.age,
  ],
  [
    /^allocation\.localPriority\.youngToAge$/,
    R,
    () => "Lokale voorrang voor jongeren: tot en met leeftijd",
    U.age,
  ],
  [
    /^allocation\.localPriority\.smallMaxPersons$/,
    R,
    () => "Lokale voorrang voor kleine huishoudens: hoogstens",
    U.persons,
  ],
  [
    /^allocation\.localPriority\.seniorFromAge$/,
    R,
    () => "Lokale voorrang voor ouderen: vanaf leeftijd",
    U.age,
  ],
  [
    /^allocation\.passendToewijzen\.exceptionAfterYears$/,
    R,
    () => "Maatwerk: urgent of statushouder mag boven de huurgrens na wachten van",
    U.years,
  ],
  [
    /^allocation\.freeAllocation\.cap$/,
    R,
    () => "Vrije toewijzing (inkomens boven de DAEB-grens): hoogstens",
    U.percent,
  ],
  [
    /^allocation\.freeAllocation\.share$/,
    R,
    (_, s) =>
      s.corporations.length === 1
        ? `Vrije toewijzing die ${firstCorporation(s)} werkelijk gebruikt`
        : "Vrije toewijzing die de corporaties werkelijk gebruiken",
    U.percent,
  ],
  [
    /^allocation\.sizeMatch\.maxRoomsAbovePersons$/,
    R,
    () => "Woning past: hoogstens zoveel kamers meer dan personen",
    U.rooms,
  ],
  [
    /^allocation\.sizeMatch\.maxPersonsAboveRooms$/,
    R,
    () => "Woning past: hoogstens zoveel personen meer dan kamers",
    U.persons,
  ],
  [
    /^allocation\.sizeMatch\.nultredenFromAge$/,
    R,
    () => "Nultredenwoning eerst voor hoofdbewoners vanaf leeftijd",
    U.age,
  ],
  [
    /^allocation\.sizeMatch\.hardToLetAfterMonths$/,
    R,
    () => "Moeilijk verhuurbaar na leegstand van",
    U.months,
  ],
  // Statushouders
  [
    /^allocation\.statushouders\.national\.byHalfYear\.(\d{4})-(I+)$/,
    THEMES[10],
    (m) => `Landelijke taakstelling statushouders, ${m[2] === "I" ? "eerste" : "tweede"} halfjaar ${m[1]}`,
    U.personsPerHalfYear,
  ],
  [
    /^allocation\.statushouders\.national\.default$/,
    THEMES[10],
    () => "Landelijke taakstelling statushouders in latere halfjaren",
    U.personsPerHalfYear,
  ],
  [
    /^allocation\.statushouders\.national\.population$/,
    THEMES[10],
    (_, s) => `Inwoners van Nederland (voor het aandeel van ${s.municipality.name})`,
    U.inhabitants,
  ],
  [
    /^allocation\.statushouders\.alternatives\.afterMonths$/,
    THEMES[10],
    () => "Alternatieve huisvesting (flexwoning, kamer) na wachten van",
    U.months,
  ],
  [
    /^allocation\.statushouders\.alternatives\.personsPerYear$/,
    THEMES[10],
    () => "Alternatieve huisvesting: plaatsen per jaar",
    U.personsPerYear,
  ],
  // Wettelijke grenzen
  [
    /^allocation\.limits\.passendIncome\.byYear\.(\d{4})\.(\w+)$/,
    L,
    (m) => `Inkomensgrens passend toewijzen ${m[1]}, ${INCOME_LIMIT[m[2]]}`,
    U.euroPerYear,
  ],
  [
    /^allocation\.limits\.daebIncome\.byYear\.(\d{4})\.(\w+)$/,
    L,
    (m) => `DAEB-inkomensgrens ${m[1]}, ${INCOME_LIMIT[m[2]]}`,
    U.euroPerYear,
  ],
  [
    /^allocation\.limits\.rent\.byYear\.(\d{4})\.(\w+)$/,
    L,
    (m) => `${RENT_LIMIT[m[2]]} ${m[1]} (huur per maand)`,
    U.euroPerMonth,
  ],
  [/^allocation\.limits\.aowAge$/, L, () => "AOW-leeftijd", U.age],
  // Huurbeleid en huurtoeslag
  [
    /^affordability\.rentPolicy\.maximum\.(\d{4})$/,
    H,
    (m) => `Maximale huurverhoging sociale huur, juli ${m[1]}`,
    U.percentPerYear,
  ],
  [
    /^affordability\.rentPolicy\.maximumDefault$/,
    H,
    () => "Maximale huurverhoging in latere jaren",
    U.percentPerYear,
  ],
  [
    /^affordability\.rentPolicy\.spread$/,
    H,
    () => "Huurverhoging min loonontwikkeling (verschil tussen huren en lonen)",
    U.percentPerYear,
  ],
  [
    /^affordability\.rentPolicy\.margin$/,
    H,
    () => "Huurverhoging boven de inflatie (alleen als de huren de inflatie volgen)",
    U.percentPerYear,
  ],
  [/^affordability\.rentPolicy\.freezeYears\[\d+\]$/, H, () => "Huurbevriezing in jaar", U.year],
  [
    /^affordability\.rentPolicy\.sittingRentShare$/,
    H,
    () => "Huur van zittende huurders als deel van de streefhuur",
    U.percent,
  ],
  [
    /^affordability\.huurtoeslag\.minimumBasishuur$/,
    H,
    () => "Huurtoeslag: minimum-basishuur",
    U.euroPerMonth,
  ],
  [
    /^affordability\.huurtoeslag\.incomeFloor$/,
    H,
    () => "Huurtoeslag: inkomen waaronder de basishuur op het minimum blijft",
    U.euroPerYear,
  ],
  [
    /^affordability\.huurtoeslag\.slope$/,
    H,
    () => "Huurtoeslag: stijging van de basishuur per euro inkomen boven die drempel",
    U.euroPerEuro,
  ],
  [
    /^affordability\.huurtoeslag\.shareToKwaliteitskorting$/,
    H,
    () => "Huurtoeslag: vergoed deel van de huur tot de kwaliteitskortingsgrens",
    U.percent,
  ],
  [
    /^affordability\.huurtoeslag\.shareToAftopping$/,
    H,
    () => "Huurtoeslag: vergoed deel tussen kwaliteitskortingsgrens en aftoppingsgrens",
    U.percent,
  ],
  [
    /^affordability\.huurtoeslag\.shareAboveAftopping$/,
    H,
    () => "Huurtoeslag: vergoed deel boven de aftoppingsgrens",
    U.percent,
  ],
  [
    /^affordability\.huurtoeslag\.maxRentConditionUntil$/,
    H,
    () => "Huurtoeslag: maximale huurgrens geldt tot en met",
    U.year,
  ],
  // Inkomen, energie en betaalrisico
  [
    /^affordability\.disposableIncome\.brackets\[(\d+)\]\.from$/,
    E,
    (m) => `Van bruto naar besteedbaar, schijf ${Number(m[1]) + 1}: vanaf bruto inkomen`,
    U.euroPerYear,
  ],
  [
    /^affordability\.disposableIncome\.brackets\[(\d+)\]\.keep$/,
    E,
    (m) => `Van bruto naar besteedbaar, schijf ${Number(m[1]) + 1}: deel dat overblijft`,
    U.percent,
  ],
  [
    /^affordability\.energy\.monthlyByLabel\.(\w)$/,
    E,
    (m) => `Energiekosten bij label ${m[1]}`,
    U.euroPerMonth,
  ],
  [/^affordability\.energy\.perExtraPerson$/, E, () => "Energiekosten per extra persoon", U.euroPerMonth],
  [/^affordability\.energy\.priceGrowth$/, E, () => "Stijging van de energieprijzen", U.percentPerYear],
  [
    /^affordability\.energy\.renovation\.byYear$/,
    E,
    () => "Geen corporatiewoningen meer met label E, F of G na",
    U.year,
  ],
  [
    /^affordability\.energy\.warmeJasPerYear$/,
    E,
    () => "Warme jas op andere woningen dan verkochte",
    U.homesPerYear,
  ],
  [
    /^affordability\.betaalrisico\.normByHouseholdSize\[(\d+)\]$/,
    E,
    (m, s) => {
      const n = (at(s, "affordability", "betaalrisico", "normByHouseholdSize") as unknown as unknown[])
        .length;
      return `Nibud-norm voor basisbehoeften (zonder wonen), ${persons(Number(m[1]), n)}`;
    },
    U.euroPerMonth,
  ],
  [/^affordability\.betaalrisico\.indexation$/, E, () => "Stijging van de Nibud-norm", U.percentPerYear],
];

/** Rules for a target over a period: its homes, and its first and last year. */
function periodRules(
  key: string,
  get: (s: Scenario, i: number) => { fromYear: number; untilYear: number } | undefined,
  name: string | ((s: Scenario, i: number) => string),
): Rule[] {
  const period = (s: Scenario, i: number) => {
    const t = get(s, i);
    const what = typeof name === "string" ? name : name(s, i);
    return t ? `${what} ${t.fromYear}–${t.untilYear}` : what;
  };
  return [
    [
      new RegExp(`^targets\\.${key}\\[(\\d+)\\]\\.homes$`),
      THEMES[3],
      (m, s) => `${period(s, Number(m[1]))}: woningen`,
      U.homes,
    ],
    [
      new RegExp(`^targets\\.${key}\\[(\\d+)\\]\\.(fromYear|untilYear)$`),
      THEMES[3],
      (m, s) => `${period(s, Number(m[1]))}: ${m[2] === "fromYear" ? "eerste" : "laatste"} jaar`,
      U.year,
    ],
  ];
}

/** Kern and segment of a demolition or splitting, for its name. */
function recordText(s: Scenario, list: "demolitions" | "splittings", i: number): string {
  const d = at(s, "policy", list, i);
  return d ? ` ${kernName(s, d.kern)}, ${segment(String(d.segment))} van ${owner(s, String(d.owner))}` : "";
}

function ageGroup(s: Scenario, i: number): string {
  const groups = at(s, "allocation", "turnover", "byAge") as unknown as { fromAge: unknown }[] | undefined;
  const from = groups?.[i]?.fromAge;
  const next = groups?.[i + 1]?.fromAge;
  const n = (x: unknown) => (typeof x === "object" && x ? (x as { value: number }).value : Number(x));
  if (from === undefined) return "";
  return next === undefined ? ` vanaf ${n(from)} jaar` : ` van ${n(from)} tot ${n(next)} jaar`;
}

/** The name, theme and unit of the figure at `path`, or undefined when no rule knows the place. */
export function figureName(path: string, scenario: Scenario): FigureName | undefined {
  for (const [pattern, theme, name, unit] of RULES) {
    const m = pattern.exec(path);
    if (m) return { theme, name: name(m, scenario), unit };
  }
  return undefined;
}

const upToTwo = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const euroCents = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure's value as its reader writes it: 5,8% · € 28.375 · € 454,47 · 0,25 · 2034 · 1.225. */
export function formatFigure(value: number, unit: FigureUnit): string {
  switch (unit.kind) {
    case "percent":
    case "percentPerYear":
      return `${upToTwo.format(value * 100)}%`;
    case "euroPerMonth":
    case "euroPerYear":
      return `€ ${Number.isInteger(value) ? formatCount(value) : euroCents.format(value)}`;
    case "year":
      return String(value);
    case "euroFactor":
    case "factor":
      return upToTwo.format(value);
    default:
      return Number.isInteger(value) ? formatCount(value) : upToTwo.format(value);
  }
}
