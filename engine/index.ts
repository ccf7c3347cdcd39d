/**
 * The engine's one door: what the notebooks (web/), the scripts and the command line may use. Inside,
 * the engine is layered (see ARCHITECTURE.md): kernel → sub-models (stock, allocation, affordability) →
 * assembly (scenario, parse, compile, run, montecarlo, merge, summary) → analysis → transport. Nothing
 * here touches the browser; the worker's own module (transport/worker.ts) is the only other entry.
 *
 * What it offers: the scenario file (schema, parsing with Dutch messages, migration, paths into it),
 * the vocabularies with their Dutch labels, Dutch number formats, running (prepare, Monte Carlo whole
 * or in chunks, merge, summarise), and reading results (summary files, targets, comparisons,
 * sensitivity, calibration, coverage, variants).
 */

export {
  type CalibrationJson,
  type CalibrationRow,
  calibrate,
  formatCalibrationValue,
} from "./analysis/calibration";
export { pairedDifference } from "./analysis/compare";
export { type Coverage, type CoverageRow, coverage } from "./analysis/coverage";
export { scenarioJsonSchema } from "./analysis/jsonSchema";
export {
  type ActualPoint,
  type AllocationActual,
  actualsOf,
  allocationActuals,
  type BehindProject,
  behindOf,
  type ChanceChange,
  chanceChanges,
  endOfMonth,
  type HistoryPoint,
  historyOf,
} from "./analysis/monitoring";
export {
  type SummaryJson,
  type SummaryTarget,
  summaryOf,
  toSummaryJson,
  toYearlyCsv,
  type YearStats,
} from "./analysis/output";
export { PLAUSIBLE, plausibilityWarnings } from "./analysis/plausibility";
export { type FigureSource, figureSources, SECTION_LABELS, unitFor } from "./analysis/provenance";
export {
  applyLever,
  defaultBeforeYear,
  isLimitLever,
  LEVER_INFO,
  type LeverInfo,
  LIMIT_LEVERS,
  LIMITS,
  type LimitLever,
  points,
  SEEK_LEVERS,
  type SeekAnswer,
  type SeekLever,
  type SeekPoint,
  type SeekRequest,
  seek,
} from "./analysis/seek";
export {
  type Outcome,
  type TargetTornado,
  type TornadoBar,
  targetTornados,
  tornado,
} from "./analysis/sensitivity";
export {
  type AgreementSignal,
  type Evidence,
  formatEvidence,
  type SignalLevel,
  signalsOf,
} from "./analysis/signals";
export { formatTargetValue, readTarget, type TargetReading } from "./analysis/target-reading";
export { applyVariant, type Variant, variantSchema } from "./analysis/variant";
export { type Owners, ownerLabels, ownersOf } from "./kernel/cells";
export { formulaSafe } from "./kernel/csv";
export {
  KIND_LABELS,
  OTHER_OWNER_LABELS,
  OTHER_OWNERS,
  type OtherOwner,
  PIPELINE_STATUSES,
  PROJECT_KINDS,
  SEGMENT_LABELS,
  SEGMENTS,
  type Segment,
  SOURCE_BASES,
  type SourceBasis,
  STATUS_LABELS,
  STATUSES,
} from "./kernel/domain";
export { dutchMessage, formatPath, formatProblem, type InputProblem, toProblems } from "./kernel/errors";
export { type Figure, figureValue } from "./kernel/figure";
export {
  formatCount,
  formatDecimal,
  formatDifference,
  formatProbability,
  formatShare,
} from "./kernel/format";
export { getAtPath, type PathKey, parsePath, setAtPath } from "./kernel/paths";
export { STATISTICS, type Statistic } from "./kernel/quantiles";
export { ENGINE_VERSION } from "./kernel/version";
/** zod as the engine configured it (no eval, for the pages' Content-Security-Policy): web/ builds its schemas with this. */
export { z } from "./kernel/zod";
export { mergeResults } from "./merge";
export { type MonteCarloResult, runMonteCarlo } from "./montecarlo";
export { type ParseResult, parseScenario, parseScenarioText } from "./parse";
export { parseProgress, parseProgressText, withProgress } from "./progress";
export { type Project, projectSchema, SCHEMA_VERSION, type Scenario, type ScenarioInput } from "./scenario";
export { allocationScope, planningScope } from "./scope";
export type { CompletionShape, ResultShape, TargetInfo } from "./shape";
export { contentHash, type Prepared, prepare, type ResultMeta, type Simulation, simulate } from "./simulate";
export {
  type CompletionSample,
  type CompletionSpread,
  mergeCompletions,
  sampleCompletions,
  summariseCompletions,
} from "./stock/completions";
export {
  PROGRESS_STATUSES,
  type Progress,
  type ProgressInput,
  type ProjectProgress,
  projectProgress,
} from "./stock/progress";
export { type SummaryArrays, summarise } from "./summary";
export {
  type ChunkReply,
  type ChunkRequest,
  createChunkRunner,
  type ProgressListener,
} from "./transport/chunk";
export { progressFromCsv } from "./transport/cli/progress-csv";
