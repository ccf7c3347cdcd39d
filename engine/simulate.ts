import { compile, type Model } from "./compile";
import { scenarioHash } from "./kernel/hash";
import { ENGINE_VERSION } from "./kernel/version";
import { type MetricLayout, metricLayout, namesOf } from "./metrics";
import { type MonteCarloOptions, type MonteCarloResult, runMonteCarlo } from "./montecarlo";
import type { Scenario } from "./scenario";
import { type ResultShape, shapeOf } from "./shape";
import { type SummaryArrays, summarise } from "./summary";
import { defineTargets, type TargetDef } from "./targets";

/** Everything a result needs to be traced back: which engine, which scenario, which seed, how many runs. */
export interface ResultMeta {
  engineVersion: string;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  runs: number;
}

/** A scenario made ready to run: compiled arrays, the metric layout, the targets, and their shape as data. */
export interface Prepared {
  scenario: Scenario;
  model: Model;
  layout: MetricLayout;
  targets: TargetDef[];
  hash: string;
  shape: ResultShape;
}

export function prepare(scenario: Scenario): Prepared {
  const model = compile(scenario);
  const layout = metricLayout(model.kernIds, {
    allocation: model.allocation !== undefined,
    affordability: model.affordability !== undefined,
    names: namesOf(scenario),
  });
  const targets = defineTargets(scenario, model, layout);
  const hash = contentHash(scenario);
  return {
    scenario,
    model,
    layout,
    targets,
    hash,
    shape: shapeOf(model, layout, targets, scenario.name, hash),
  };
}

/** The hash every result carries. Where the file's editor finds its JSON Schema says nothing about it. */
export function contentHash(scenario: Scenario): string {
  const { $schema: _, ...content } = scenario;
  return scenarioHash(content);
}

export interface Simulation {
  prepared: Prepared;
  meta: ResultMeta;
  result: MonteCarloResult;
  summary: SummaryArrays;
}

/** parse → compile → Monte Carlo → summarise, in one call (the CLI and tests use this). */
export function simulate(scenario: Scenario, options: Partial<MonteCarloOptions> = {}): Simulation {
  const prepared = prepare(scenario);
  const runs = options.runs ?? scenario.simulation.runs;
  const seed = options.seed ?? scenario.simulation.seed;
  const result = runMonteCarlo(prepared.model, prepared.layout, prepared.targets, { ...options, runs, seed });
  return {
    prepared,
    meta: {
      engineVersion: ENGINE_VERSION,
      scenarioName: scenario.name,
      scenarioHash: prepared.hash,
      seed,
      runs,
    },
    result,
    summary: summarise(result, prepared.shape),
  };
}
