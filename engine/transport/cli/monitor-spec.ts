import { LEVER_INFO, SEEK_LEVERS } from "../../analysis/seek";
import { formatCount } from "../../kernel/format";
import { MAX_RUNS } from "../../scenario";
import type { CommandSpec, OptionSpec } from "./args";

/** The monitoring commands' options and help: `--progress` of run, `voortgang` and `seek`. */

export const progressOption: OptionSpec = {
  name: "progress",
  value: "BESTAND",
  help: "een voortgangsrapportage (JSON, of CSV volgens data/voortgang/sjabloon.csv): de runs beginnen bij haar peildatum",
};

const runs = (fallback: string): OptionSpec => ({
  name: "runs",
  value: "N",
  default: fallback,
  help: `aantal runs, een geheel getal van 1 tot en met ${formatCount(MAX_RUNS)}`,
});
const seed: OptionSpec = {
  name: "seed",
  value: "S",
  default: "simulation.seed van het scenario",
  help: "seed van het toeval; dezelfde seed geeft dezelfde uitkomst",
};

/** One step of each lever, as the search tells them apart. */
const STEP: Record<(typeof SEEK_LEVERS)[number], string> = {
  hardHomes: "5 woningen",
  acceleration: "1 maand",
  softDropOut: "1 procentpunt",
  procedures: "1 procedure per jaar",
  rentIncrease: "¼ procentpunt per jaar",
  freeAllocation: "½ procentpunt",
};

export const MONITOR_COMMANDS: CommandSpec[] = [
  {
    name: "voortgang",
    usage: "woonscenario voortgang [SCENARIO] --progress BESTAND [opties]",
    summary: "de monitoring: kans per doel bij de start en nu, gerealiseerd, projecten achter",
    description: [
      "Rekent SCENARIO (standaard het meegeleverde basisscenario) twee keer met dezelfde seed: zoals bij de",
      "start, en vanaf de peildatum van de voortgangsrapportage. Drukt per doel de kans bij de start en",
      "nu af, de woningen gerealiseerd per maand, en de projecten die achterlopen op hun planning met",
      "hun verwachte oplevering (10e–90e percentiel), de signalen van de overeenkomst met hun bewijs",
      "(sociale voorraad lager dan het jaar ervoor, sleutelprojecten en de sociale toevoegingen van de",
      "corporatie achter op het pad, projecten achter op hun datum) en de gemeten toewijzingscijfers",
      "naast de prognose. Met meer rapportages (--progress meer keer): de kans per doel per peildatum.",
      "Schrijft MAP/voortgang.json en MAP/voortgang.csv.",
    ],
    positionals: [0, 1],
    options: [
      {
        ...progressOption,
        repeat: true,
        help: "de voortgangsrapportage (JSON, of CSV volgens data/voortgang/sjabloon.csv); verplicht. Meer keer gegeven: de geschiedenis van de rapportages, de laatste peildatum is nu",
      },
      runs("simulation.runs van het scenario (basis: 1.000)"),
      seed,
      { name: "out", value: "MAP", default: "uitvoer", help: "map voor voortgang.json en voortgang.csv" },
      { name: "excel-nl", help: "CSV voor Nederlandse Excel: ; tussen de velden en een decimale komma" },
      {
        name: "json",
        help: "drukt het resultaat als JSON af (voor jq en scripts) en schrijft geen bestanden, tenzij met --out",
      },
      { name: "stil", help: "geen voortgangsbalk op de terminal" },
    ],
    examples: [
      "woonscenario voortgang --progress data/voortgang/voorbeeld-2026-06.json --runs 500",
      "woonscenario voortgang data/scenarios/basis.json --progress mijn-voortgang.csv --out monitoring --excel-nl",
      "woonscenario voortgang --progress data/voortgang/voorbeeld-2026-06.json --progress data/voortgang/voorbeeld-2027-12.json --runs 300",
    ],
  },
  {
    name: "seek",
    usage: "woonscenario seek DOEL --lever HEFBOOM [SCENARIO] [opties]",
    summary: "wat is er nodig: de kleinste verandering van één hefboom voor een gewenste kans",
    description: [
      "Zoekt de kleinste verandering van HEFBOOM waarmee DOEL (een id uit woonscenario targets) de",
      "gewenste kans haalt. Elke waarde rekent met dezelfde runs en seed (gemeenschappelijk toeval),",
      "zodat de kans met de hefboom beweegt en niet met het toeval. Drukt het antwoord in één zin af,",
      "met de marge bij andere runs, en de kans tegen de hefboom. Hefbomen:",
      ...SEEK_LEVERS.map((l) => `  ${l.padEnd(14)}  ${LEVER_INFO[l].label} (stap ${STEP[l]})`),
      "Voor de huurders zoeken rentIncrease en freeAllocation andersom: de hoogste waarde waarbij een grens",
      "(--limit) met de gewenste kans houdt. Het doel is dan betaalrisico (rentIncrease: het aandeel",
      "huurders met betaalrisico, --limit 20%) of zoektijd (freeAllocation: de mediane zoektijd van",
      "regulier woningzoekenden in jaren, --limit 1,5), gelezen in het laatste jaar van de overeenkomst.",
    ],
    positionals: [1, 2],
    options: [
      { name: "lever", value: "HEFBOOM", help: `de hefboom: ${SEEK_LEVERS.join(", ")}; verplicht` },
      { name: "chance", value: "KANS", default: "0,8", help: "de gewenste kans, als 0,8 of 80%" },
      {
        name: "before-year",
        value: "J",
        default: "drie jaar na de start van het scenario",
        help: "bij hardHomes: de extra woningen zijn gepland vóór dit jaar",
      },
      {
        name: "limit",
        value: "GRENS",
        help: "bij rentIncrease en freeAllocation: het hoogste aandeel betaalrisico (20%) of de langste zoektijd in jaren (1,5); verplicht daar",
      },
      {
        name: "year",
        value: "J",
        default: "het jaar van het doel; bij een grens het laatste jaar van de overeenkomst",
        help: "het jaar waarin het doel of de grens gelezen wordt",
      },
      { ...runs("400"), help: `runs per stap van de zoektocht, 1 tot en met ${formatCount(MAX_RUNS)}` },
      seed,
      progressOption,
      { name: "json", help: "drukt het antwoord als JSON af" },
    ],
    examples: [
      "woonscenario seek opgave --lever hardHomes --chance 0.8",
      "woonscenario seek opgave --lever procedures --progress data/voortgang/voorbeeld-2026-06.json --runs 200",
      "woonscenario seek betaalrisico --lever rentIncrease --limit 20% --runs 200",
      "woonscenario seek zoektijd --lever freeAllocation --limit 1,25 --runs 200",
    ],
  },
];
