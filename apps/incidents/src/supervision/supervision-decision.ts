import type { SupervisionCard } from '@gridline/contracts-incidents';

/** What the scheduler knows of a case when it looks at it. */
export interface SupervisedCase {
  card: SupervisionCard;
  /** The grid's path, street first: [street, community, grid] or [street, exclusive grid]. */
  path: readonly string[];
  warnAt: Date | null;
  dueAt: Date | null;
  redAt: Date | null;
  supervisorUnitCode: string | null;
  supervisedSince: Date | null;
  nextCheckAt: Date | null;
}

/** One threshold crossed: the card it gives, the event it raises and who supervises from then on. */
export interface SupervisionMark {
  card: Exclude<SupervisionCard, 'none'>;
  event: 'supervised' | 'overdue' | 'escalated';
  supervisorUnitCode: string | null;
  /** The threshold (warnAt, dueAt or redAt) this mark is for. */
  threshold: Date;
}

export interface SupervisionDecision {
  /** The thresholds reached and not marked yet, in order (several when the scheduler looks late). */
  marks: SupervisionMark[];
  card: SupervisionCard;
  supervisorUnitCode: string | null;
  supervisedSince: Date | null;
  /** The next threshold not yet reached (warn → due → red), or null after red. */
  nextCheckAt: Date | null;
}

const LEVELS = [
  { card: 'warning', event: 'supervised', clock: 'warnAt' },
  { card: 'yellow', event: 'overdue', clock: 'dueAt' },
  { card: 'red', event: 'escalated', clock: 'redAt' },
] as const;

const RANK: Record<SupervisionCard, number> = { none: 0, warning: 1, yellow: 2, red: 3 };

/**
 * The unit that supervises a case at a card: the levels above its grid, one further up with each card and never
 * above the street. [street, community, grid]: warning → community, yellow → street, red → street;
 * [street, exclusive grid]: street for all three.
 */
export function supervisorFor(path: readonly string[], card: Exclude<SupervisionCard, 'none'>): string | null {
  const above = path.slice(0, -1).reverse();
  if (above.length === 0) return null;
  return above[Math.min(RANK[card], above.length) - 1];
}

/**
 * Which cards a case earns now, who supervises it and when to look again. Pure: the scheduler applies the
 * result. A threshold already marked (the card is at or past it) is never marked again; a step change resets
 * the card to none (IncidentJournal.startStep), so each step's thresholds are marked once each.
 */
export function decideSupervision(c: SupervisedCase, now: Date): SupervisionDecision {
  const marks: SupervisionMark[] = [];
  for (const [i, level] of LEVELS.entries()) {
    const threshold = c[level.clock];
    if (i + 1 <= RANK[c.card] || !threshold || now < threshold) continue;
    marks.push({ card: level.card, event: level.event, supervisorUnitCode: supervisorFor(c.path, level.card), threshold });
  }
  const last = marks[marks.length - 1];
  const card = last?.card ?? c.card;
  const next = LEVELS.slice(RANK[card])
    .map((level) => c[level.clock])
    .find((at): at is Date => at !== null);
  return {
    marks,
    card,
    supervisorUnitCode: last ? last.supervisorUnitCode : c.supervisorUnitCode,
    supervisedSince: c.supervisedSince ?? (last ? now : null),
    nextCheckAt: next ?? null,
  };
}
