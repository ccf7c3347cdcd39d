import { writeFile } from "node:fs/promises";
import { OTHER_OWNERS, SEGMENTS } from "../../kernel/domain";
import { type CommandSpec, option, type ParsedArgs } from "./args";
import { describeFsError, io, usage } from "./errors";

/**
 * `woonscenario new`: a scenario skeleton for another municipality. Its municipality, kernen and
 * corporation come from the options; every figure is marked "in te vullen" (basis "estimate"), with the
 * source it is expected from. Figures that are not the municipality's own (the delay of plans, the
 * economy, the national shares) start at the baseline's values, marked the same way; the municipality's
 * own (inhabitants, stock, task, projects, windows) start empty or at zero.
 */

export const TODO = "in te vullen";

export const NEW_SPEC: CommandSpec = {
  name: "new",
  usage: "woonscenario new --gemeente NAAM --kernen A,B,C [opties]",
  summary: "schrijft een leeg scenario voor een andere gemeente",
  description: [
    "Een geldig scenarioskelet met de gemeente, haar kernen en haar corporatie; elk cijfer is",
    `gemarkeerd als "${TODO}" met de bron waar het vandaan moet komen. Zonder --out naar stdout.`,
  ],
  positionals: [0, 0],
  options: [
    { name: "gemeente", value: "NAAM", help: "naam van de gemeente" },
    { name: "kernen", value: "A,B,C", help: "de kernen, gescheiden door komma's" },
    {
      name: "corporatie",
      value: "NAAM[,NAAM]",
      default: TODO,
      help: "naam van de woningcorporatie, of de namen van meer corporaties gescheiden door komma's",
    },
    { name: "out", value: "BESTAND", help: "bestand om het scenario in te schrijven" },
  ],
  examples: [
    "woonscenario new --gemeente Dinkelland --kernen Denekamp,Ootmarsum,Weerselo --out dinkelland.json",
  ],
};

type Json = Record<string, unknown>;

const EXPECTED: Record<string, string> = {
  agreement: "de prestatieafspraken",
  official: "een officiële bron (CBS, Rijksoverheid, wet- en regelgeving)",
  estimate: "een eigen schatting, met onderbouwing",
};

/** Every sourced figure in `x` marked as still to fill in, keeping its value and form. */
function marked(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(marked);
  if (typeof x !== "object" || x === null) return x;
  const out: Json = {};
  const o = x as Json;
  for (const [k, v] of Object.entries(o)) {
    if (k === "note" || k === "reasoning") continue;
    out[k] = marked(v);
  }
  if ("basis" in o && "source" in o) {
    out.basis = "estimate";
    out.source = `${TODO}: ${EXPECTED[String(o.basis)] ?? EXPECTED.estimate}`;
  }
  return out;
}

const todo = (value: number, expected: string) => ({
  value,
  basis: "estimate",
  source: `${TODO}: ${expected}`,
});

/**
 * The owner id of a corporation named `name`: its name in lower case, letters and digits only ("Stichting
 * Thuis" → "stichting_thuis"); a corporation still to name is "corporatie" (with a number when there are more).
 */
export function corporationId(name: string, index: number, count: number): string {
  const slug = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const id = name === TODO || slug === "" ? "corporatie" : slug;
  return name === TODO && count > 1 ? `${id}_${index + 1}` : id;
}

/** The skeleton, from the baseline's file as it is written (`baseline`, parsed JSON). */
export function skeleton(
  baseline: Json,
  gemeente: string,
  kernen: readonly string[],
  corporationNames: readonly string[] = [TODO],
): Json {
  // The first corporation's sales and purchases are the policy's; every other one gets its own to fill in.
  const annualReport = "het jaarverslag of de activiteitenopgave van de corporatie";
  const corporations = corporationNames.map((name, i) => ({
    id: corporationId(name, i, corporationNames.length),
    name,
    ...(i === 0
      ? {}
      : {
          sales: { perYear: todo(0, `${annualReport} (verkoop per jaar)`), byYear: {}, warmeJas: false },
          acquisitions: {
            perYear: todo(0, `${annualReport} (aankoop per jaar)`),
            byYear: {},
            fromSegment: "betaalbare_koop",
          },
        }),
  }));
  const corporationIds = corporations.map((c) => c.id);
  const simulation = baseline.simulation as Json;
  const endYear = Number(simulation.endYear);
  const policy = marked(baseline.policy) as Json;
  policy.demolitions = [];
  policy.splittings = [];
  const targets = marked(baseline.targets) as Json;
  targets.sleutelprojecten = [];
  targets.socialAdditions = [];
  targets.socialShareByKern = [];
  targets.inhabitants = todo(1, "de woonvisie of de prestatieafspraken (beoogd aantal inwoners)");
  delete targets.inhabitantsYear;
  const owners = [...corporationIds, ...OTHER_OWNERS];
  // The baseline's levers may name its corporations; here they name the new first corporation.
  const baselineCorporations = (Array.isArray(baseline.corporations) ? baseline.corporations : []).map(
    (c) => (c as Json).id,
  );
  const pipeline = marked(baseline.pipeline) as Json;
  for (const lever of Array.isArray(pipeline.levers) ? (pipeline.levers as Json[]) : []) {
    if (Array.isArray(lever.owners))
      lever.owners = [
        ...new Set(lever.owners.map((o) => (baselineCorporations.includes(o) ? corporationIds[0] : o))),
      ];
  }
  return {
    $schema: baseline.$schema,
    schemaVersion: baseline.schemaVersion,
    name: `Basis ${gemeente}`,
    description: `Skelet voor ${gemeente}: elk cijfer is ${TODO}; de bron staat erbij.`,
    municipality: {
      name: gemeente,
      inhabitants: todo(1, "CBS StatLine, bevolking op 1 januari"),
      personsPerDwellingChange: todo(0, "CBS/Primos, verandering van de woningbezetting per jaar"),
    },
    economy: marked(baseline.economy),
    corporations,
    kernen: kernen.map((k) => ({ id: k, name: k })),
    stock: kernen.flatMap((kern) =>
      SEGMENTS.flatMap((segment) =>
        owners
          .filter((owner) => (segment === "sociale_huur") === corporationIds.includes(owner))
          .map((owner) => ({
            kern,
            segment,
            owner,
            dwellings: 0,
            basis: "estimate",
            source: `${TODO}: CBS StatLine (woningvoorraad naar eigendom) en het jaarverslag van de corporatie`,
          })),
      ),
    ),
    opgave: {
      homes: todo(0, "de prestatieafspraken of de woonvisie (de woningbouwopgave)"),
      deadlineYear: endYear,
      realisedBeforeStart: todo(0, "de monitor woningbouw van de gemeente"),
      basis: "estimate",
      source: `${TODO}: de prestatieafspraken of de woonvisie`,
    },
    projects: [],
    pipeline,
    policy,
    targets,
    simulation: { ...simulation },
  };
}

/** The paths of the figures whose source still says "in te vullen", in the file's order. */
export function stillToFill(x: unknown, path = ""): string[] {
  if (Array.isArray(x)) return x.flatMap((v, i) => stillToFill(v, `${path}[${i}]`));
  if (typeof x !== "object" || x === null) return [];
  const o = x as Json;
  const here = typeof o.source === "string" && o.source.startsWith(TODO) ? [path || "(scenario)"] : [];
  return [
    ...here,
    ...Object.entries(o).flatMap(([k, v]) =>
      k === "source" ? [] : stillToFill(v, path ? `${path}.${k}` : k),
    ),
  ];
}

export async function newScenario(
  args: ParsedArgs,
  out: (line: string) => void,
  readBaseline: () => Promise<Json>,
): Promise<number> {
  const gemeente = option(args, "gemeente")?.trim();
  const kernen = (option(args, "kernen") ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  if (!gemeente)
    throw usage(
      "new heeft --gemeente NAAM nodig.",
      "Bijvoorbeeld: woonscenario new --gemeente Dinkelland --kernen Denekamp,Ootmarsum",
    );
  if (kernen.length === 0)
    throw usage("new heeft --kernen A,B,C nodig.", "De kernen gescheiden door komma's.");
  if (new Set(kernen).size !== kernen.length) throw usage("Een kern staat twee keer in --kernen.");
  const corporations = (option(args, "corporatie") ?? TODO)
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
  const ids = corporations.map((c, i) => corporationId(c, i, corporations.length));
  if (corporations.length === 0) throw usage("--corporatie noemt geen corporatie.");
  if (new Set(ids).size !== ids.length) throw usage("Een corporatie staat twee keer in --corporatie.");
  // Metric ids qualify kernen and corporations alike with "@": no two may read the same, whatever the case.
  const taken = [...kernen, ...OTHER_OWNERS].map((x) => x.toLowerCase());
  const clash = ids.find((id) => taken.includes(id));
  if (clash !== undefined)
    throw usage(`De corporatie "${clash}" heet als een kern of een andere eigenaar; kies een andere naam.`);
  const text = `${JSON.stringify(skeleton(await readBaseline(), gemeente, kernen, corporations), null, 2)}\n`;
  const file = option(args, "out");
  if (file === undefined) {
    out(text.trimEnd());
    return 0;
  }
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    throw io(`Kan ${file} niet schrijven: ${describeFsError(error)}.`);
  }
  out(`Geschreven: ${file} (${gemeente}, ${kernen.length} kernen; elk cijfer is ${TODO})`);
  return 0;
}
