import type { CursorPage } from '@gridline/platform';

/** How a rule finds a recurring issue (docs/analytics.md "3+N candidates"). */
export const CANDIDATE_RULE_KINDS = ['same_grid', 'within_radius', 'rise_over_baseline'] as const;
export type CandidateRuleKind = (typeof CANDIDATE_RULE_KINDS)[number];

/** A candidate's life: raised by the detector, then dismissed (with a reason) or lifted into a 3+N discussion. */
export const CANDIDATE_STATUSES = ['raised', 'dismissed', 'lifted'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The category code of the default rule, for every category without a rule of its own (or of its major category). */
export const DEFAULT_CANDIDATE_RULE = '*';

/**
 * One detection rule. `same_grid`: at least `minCount` cases and appeals of the category in one grid within the last
 * `windowDays` days. `within_radius`: at least `minCount` within `radiusMetres` of one of them (in one community),
 * within `windowDays`. `rise_over_baseline`: in one grid, the last `windowDays` days hold at least `minCount` and at
 * least `factor` × the mean of the `baselineWindows` windows of `windowDays` before them.
 */
export interface CandidateRuleView {
  /** A category, a major category (for all beneath it without a rule of their own), or `*` (the default). */
  categoryCode: string;
  kind: CandidateRuleKind;
  windowDays: number;
  minCount: number;
  radiusMetres: number | null;
  factor: number | null;
  baselineWindows: number | null;
  enabled: boolean;
}

/** The `street` of the platform default rules, which every street without rules of its own uses. */
export const PLATFORM_CANDIDATE_RULES = '*';

/** A street's detection rules (or the platform default's). */
export interface CandidateRulesView {
  /** The street asked, or `*` (the platform default). */
  street: string;
  streetName: string | null;
  /** street: the street's own rules; default: the platform default (the street has none of its own, or `*` was asked). */
  source: 'street' | 'default';
  rules: (CandidateRuleView & { updatedAt: string; updatedBy: string })[];
}

/** Occurrences of one China day in a candidate's trend. */
export interface CandidateTrendPoint {
  day: string;
  cases: number;
  appeals: number;
}

/** What a 3+N discussion of a lifted candidate has come to, as incidents told it (`events.incidents.discussion.>`). */
export interface CandidateOutcomeView {
  /** Null when the discussion could not be opened (`open_failed`). */
  discussionId: string | null;
  /** The discussion's status as incidents names it (`open`, `closed`, `open_failed`, …). */
  status: string;
  tasksTotal: number;
  tasksDone: number;
  tasksOverdue: number;
  closedAt: string | null;
  /** Why opening failed (`open_failed`), or incidents' reason otherwise. */
  reason: string | null;
  /** The time of the newest event applied. */
  at: string;
}

/** A 3+N candidate (未诉先办): a recurring issue found in the cases and appeals, for the street grid centre to judge. */
export interface CandidateView {
  id: string;
  streetCode: string;
  streetName: string | null;
  /** The grid (or, for a radius cluster across grids, the community) the cluster lies in. */
  unitCode: string;
  unitName: string | null;
  unitPath: string[];
  categoryCode: string;
  categoryName: string | null;
  /** The rule that fired, as it stood then. */
  rule: CandidateRuleView;
  /** Chinese, e.g. "文汇社区第1网格 近14天 占道经营 6 起". */
  summary: string;
  evidence: {
    incidentIds: string[];
    appealIds: string[];
    /** Per China day of the rule's window (a rise: and of the baseline windows), every occurrence of the unit and category. */
    trend: CandidateTrendPoint[];
  };
  /** The China day of the cluster's first occurrence: with the rule, the unit and the category, the candidate's key. */
  windowStart: string;
  lastEvidenceAt: string;
  status: CandidateStatus;
  dismissal: { reason: string; by: string; at: string } | null;
  lift: { by: string; at: string } | null;
  outcome: CandidateOutcomeView | null;
  raisedAt: string;
  updatedAt: string;
}

export type CandidatePage = CursorPage<CandidateView>;
