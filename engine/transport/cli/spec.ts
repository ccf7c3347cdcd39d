import { formatCount } from "../../kernel/format";
import { ENGINE_VERSION } from "../../kernel/version";
import { MAX_RUNS } from "../../scenario";
import type { CommandSpec, OptionSpec } from "./args";
import { MONITOR_COMMANDS, progressOption } from "./monitor-spec";
import { NEW_SPEC } from "./new";

/** Every command with its options, defaults and examples: what `help COMMAND` prints and the parser reads. */

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
  help: "seed van het toeval, een geheel getal van 0 tot en met 2^53 − 1; dezelfde seed geeft dezelfde uitkomst",
};
const out = (what: string): OptionSpec => ({
  name: "out",
  value: "MAP",
  default: "uitvoer",
  help: `map voor ${what}`,
});
const excel: OptionSpec = {
  name: "excel-nl",
  help: "CSV voor Nederlandse Excel: ; tussen de velden en een decimale komma",
};
const json: OptionSpec = {
  name: "json",
  help: "drukt het resultaat als JSON af (voor jq en scripts) en schrijft geen bestanden, tenzij met --out",
};
const stil: OptionSpec = { name: "stil", help: "geen voortgangsbalk op de terminal" };

export const COMMANDS: CommandSpec[] = [
  {
    name: "run",
    usage: "woonscenario run [SCENARIO … | MAP] [opties]",
    summary: "simuleert een of meer scenario's en schrijft de resultaten",
    description: [
      "Simuleert SCENARIO (standaard het meegeleverde basisscenario) N keer, drukt de doelen af met hun",
      "mediaan en kans, en schrijft MAP/summary.json en MAP/yearly.csv.",
      "Met meer scenario's, of een map met .json-bestanden, rekent het elk met dezelfde runs en seed",
      "(zonder --runs en --seed die van het eerste scenario) in MAP/<naam>/ en schrijft het",
      "MAP/doelen.csv: per scenario en doel de mediaan en de kans.",
    ],
    positionals: [0, Number.POSITIVE_INFINITY],
    options: [
      runs("simulation.runs van het scenario (basis: 1.000)"),
      seed,
      out("de resultaten"),
      excel,
      json,
      stil,
      progressOption,
      {
        name: "threads",
        value: "N",
        default: "1",
        help: "rekent met N threads (auto: alle kernen); dezelfde uitkomst, byte voor byte",
      },
    ],
    examples: [
      "woonscenario run",
      "woonscenario run data/scenarios/vertraging.json --runs 10000 --seed 7 --out /tmp/vertraging",
      "woonscenario run data/scenarios --runs 500 --out vergelijking --excel-nl",
      "woonscenario run --runs 200 --json | jq '.targets[0].probability'",
      "woonscenario run data/scenarios/basis.json --progress data/voortgang/voorbeeld-2026-06.json --runs 500",
    ],
  },
  {
    name: "sweep",
    usage: "woonscenario sweep SCENARIO --set PAD=VAN:TOT:STAP [--set …] [opties]",
    summary: "rekent een raster van waarden van één of meer cijfers door",
    description: [
      "Zet elk cijfer PAD op VAN, VAN+STAP, … tot en met TOT (meer --set: alle combinaties) en rekent",
      "elk punt met dezelfde seed (gemeenschappelijk toeval: verschillen komen van het cijfer, niet van",
      "het toeval). Schrijft MAP/sweep.csv: per punt en doel de mediaan en de kans, en per gekozen",
      "metric de mediaan en 80%-band. PAD is het pad van een cijfer zoals de methode-notebook het",
      "toont, bijvoorbeeld pipeline.statuses.hard.dropOut of projects[id=P03].units.sociale_huur.",
      "Een enkele waarde mag ook: --set PAD=WAARDE.",
    ],
    positionals: [1, 1],
    options: [
      {
        name: "set",
        value: "PAD=VAN:TOT:STAP",
        repeat: true,
        help: "het cijfer en zijn waarden; herhaal voor meer cijfers",
      },
      runs("simulation.runs van het scenario"),
      seed,
      {
        name: "metric",
        value: "ID",
        repeat: true,
        help: "een metric om per punt te tonen (zie woonscenario metrics); herhaalbaar",
      },
      {
        name: "year",
        value: "J",
        default: "het jaar van de opgave (opgave.deadlineYear)",
        help: "het jaar van de metrics",
      },
      out("sweep.csv"),
      excel,
      json,
      stil,
    ],
    examples: [
      "woonscenario sweep data/scenarios/basis.json --set pipeline.statuses.hard.dropOut=0:0.3:0.1 --runs 200",
      "woonscenario sweep data/scenarios/basis.json --set policy.sales.perYear=0:40:20 \\\n      --set pipeline.capacity.projectsPerYear=2:4:1 --metric stock.sociale_huur --runs 100",
    ],
  },
  {
    name: "compare",
    usage: "woonscenario compare A B [opties]",
    summary: "vergelijkt twee scenario's met dezelfde seed (gepaarde runs)",
    description: [
      "Rekent A en B met dezelfde seed en zet per doel de kans in A en in B naast elkaar, met het",
      "verschil B − A in één metric als mediaan en 80%-band van de gepaarde runs.",
      "--metric en --year worden gecontroleerd vóór er gerekend wordt.",
    ],
    positionals: [2, 2],
    options: [
      runs("500"),
      { ...seed, default: "simulation.seed van A" },
      {
        name: "metric",
        value: "ID",
        default: "opgave.realised",
        help: "de metric van het verschil (zie woonscenario metrics)",
      },
      {
        name: "year",
        value: "J",
        default: "het jaar van de opgave (opgave.deadlineYear)",
        help: "het jaar van het verschil",
      },
      json,
      stil,
    ],
    examples: [
      "woonscenario compare data/scenarios/basis.json data/scenarios/vertraging.json --runs 500",
      "woonscenario compare data/scenarios/basis.json data/scenarios/meer-vrije-toewijzing.json \\\n      --metric search_time.vrij",
    ],
  },
  {
    name: "calibrate",
    usage: "woonscenario calibrate [SCENARIO] [opties]",
    summary: "zet het scenario naast de officiële cijfers en de overeenkomst",
    description: [
      "Per kalibratieregel de referentie met bron en datum, de mediaan en 80%-band van het scenario,",
      "de marge en het oordeel. Schrijft MAP/calibration.json.",
    ],
    positionals: [0, 1],
    options: [runs("simulation.runs van het scenario"), seed, out("calibration.json"), json, stil],
    examples: ["woonscenario calibrate", "woonscenario calibrate mijn-scenario.json --runs 2000"],
  },
  ...MONITOR_COMMANDS,
  {
    name: "validate",
    usage: "woonscenario validate BESTAND",
    summary: "controleert een scenariobestand",
    description: ["Meldt elk probleem met zijn veld, in het Nederlands; exit 0 als het scenario geldig is."],
    positionals: [1, 1],
    options: [],
    examples: ["woonscenario validate data/scenarios/basis.json"],
  },
  {
    name: "metrics",
    usage: "woonscenario metrics [SCENARIO]",
    summary: "somt elke metric op met omschrijving en eenheid",
    description: [
      "De metrics van SCENARIO (standaard het basisscenario): id, omschrijving en eenheid. Per kern",
      "heeft een metric een id met @kern. De ids gelden voor --metric van compare en sweep.",
    ],
    positionals: [0, 1],
    options: [json],
    examples: ["woonscenario metrics", "woonscenario metrics | grep zoektijd"],
  },
  {
    name: "targets",
    usage: "woonscenario targets [SCENARIO]",
    summary: "somt de doelen op met hun jaar en regel",
    description: [
      "De doelen van SCENARIO (standaard het basisscenario): id, omschrijving, jaar, regel en eenheid.",
    ],
    positionals: [0, 1],
    options: [json],
    examples: ["woonscenario targets"],
  },
  NEW_SPEC,
  {
    name: "help",
    usage: "woonscenario help [COMMANDO]",
    summary: "deze hulp, of de hulp bij één commando",
    description: [
      "Zonder commando een overzicht; met een commando al zijn opties, standaardwaarden en voorbeelden.",
    ],
    positionals: [0, 1],
    options: [],
    examples: ["woonscenario help sweep", "woonscenario run --help"],
  },
];

export const commandSpec = (name: string) => COMMANDS.find((c) => c.name === name);

export const EXIT_CODES = [
  "Exitcodes: 0 gelukt; 1 ongeldige invoer (scenario, pad of waarde); 2 verkeerd gebruik (commando,",
  "optie of waarde van een optie); 3 een bestand kan niet gelezen of geschreven worden; 4 een fout in",
  "woonscenario zelf.",
];

export function overview(): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `woonscenario ${ENGINE_VERSION} — scenario's voor de woningbouw- en huurafspraken van een gemeente`,
    "",
    "Gebruik: woonscenario COMMANDO [argumenten] [opties]",
    "",
    "Commando's:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Hulp bij een commando: woonscenario help COMMANDO of woonscenario COMMANDO --help",
    ...EXIT_CODES,
  ];
}

export function commandHelp(spec: CommandSpec): string[] {
  const names = spec.options.map((o) => `--${o.name}${o.value ? ` ${o.value}` : ""}`);
  const width = Math.max(6, ...names.map((n) => n.length));
  const lines = [`Gebruik: ${spec.usage}`, "", ...spec.description, "", "Opties:"];
  spec.options.forEach((o, i) => {
    lines.push(`  ${names[i].padEnd(width)}  ${o.help}${o.repeat ? " (herhaalbaar)" : ""}`);
    if (o.default) lines.push(`  ${"".padEnd(width)}  standaard: ${o.default}`);
  });
  lines.push(`  ${"--help".padEnd(width)}  deze hulp`);
  lines.push(
    "",
    spec.examples.length > 1 ? "Voorbeelden:" : "Voorbeeld:",
    ...spec.examples.map((e) => `  ${e}`),
  );
  lines.push("", ...EXIT_CODES);
  return lines;
}
