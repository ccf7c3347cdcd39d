// The fixed vocabularies of the model. Scenario files name these ids; the Dutch labels are what users read.

export const SEGMENTS = ["sociale_huur", "middenhuur", "betaalbare_koop", "duur"] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * The owners besides the housing corporations. A scenario lists its corporations (one or more, ids of its
 * own); its owners are those ids followed by these two (see ./cells, `ownersOf`).
 */
export const OTHER_OWNERS = ["overige_verhuurder", "eigenaar_bewoner"] as const;
export type OtherOwner = (typeof OTHER_OWNERS)[number];

/** Planning statuses, from done to merely wished for. */
export const STATUSES = ["gerealiseerd", "in_aanbouw", "hard", "zacht", "ambitie"] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses the pipeline simulates; a realised project is already in the starting stock. */
export const PIPELINE_STATUSES = ["in_aanbouw", "hard", "zacht", "ambitie"] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

export const PROJECT_KINDS = ["nieuwbouw", "transformatie", "woningsplitsing", "tijdelijk"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const SEGMENT_LABELS: Record<Segment, string> = {
  sociale_huur: "sociale huur",
  middenhuur: "middenhuur",
  betaalbare_koop: "betaalbare koop",
  duur: "duur",
};

export const OTHER_OWNER_LABELS: Record<OtherOwner, string> = {
  overige_verhuurder: "overige verhuurders",
  eigenaar_bewoner: "eigenaar-bewoners",
};

export const STATUS_LABELS: Record<Status, string> = {
  gerealiseerd: "gerealiseerd",
  in_aanbouw: "in aanbouw",
  hard: "harde plannen",
  zacht: "zachte plannen",
  ambitie: "ambitie",
};

export const KIND_LABELS: Record<ProjectKind, string> = {
  nieuwbouw: "nieuwbouw",
  transformatie: "transformatie",
  woningsplitsing: "woningsplitsing",
  tijdelijk: "tijdelijk/flex",
};

/** Where a figure comes from: the agreement itself, an official statistic or rule, or our own estimate. */
export const SOURCE_BASES = ["agreement", "official", "estimate"] as const;
export type SourceBasis = (typeof SOURCE_BASES)[number];
