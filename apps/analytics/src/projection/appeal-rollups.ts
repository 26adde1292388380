import { chinaDate, count, type Rollup } from './rollups';

/** The caller rated the appeal (not reached is no rating), and was satisfied: as the hotline rates its owners. */
const RATED = `r.satisfaction in ('satisfied', 'basically_satisfied', 'dissatisfied')`;
const SATISFIED = `r.satisfaction in ('satisfied', 'basically_satisfied')`;
/** Closed with the caller's answer at the callback (the rankings' satisfaction: not reached is no rating). */
const CLOSED_RATED = `r.closed_at is not null and r.satisfaction <> 'not_reached'`;
/** The lead owner as the roll-up's one unit (depth 1, a leaf): a department's or a unit's code, as the hotline keys it. */
const LEAD = 'array[r.lead_code]';

/**
 * The appeal projection's roll-ups (docs/analytics.md, "Roll-ups"): per lead owner by reception (the hotline's rates
 * and unit figures) and by closure (the rankings' satisfaction of a department), per place by reception (received
 * beneath a unit) and by closure (the rankings' satisfaction by place, or by the lead department beneath a unit).
 * A lead owner's rows are not of the place: an appeal counts for its owner wherever it lies, placed or not.
 */
export const APPEAL_ROLLUPS: readonly Rollup[] = [
  {
    table: 'appeal_lead_day',
    source: 'appeal_projection',
    units: LEAD,
    where: 'r.lead_code is not null',
    keys: { day: ['date', chinaDate('r.received_at')] },
    measures: {
      n: count(),
      dispatched: count('r.dispatched_at is not null'),
      signed_in_time: count('r.signed_at is not null and r.signed_at <= r.sign_due_at'),
      answered: count('r.answered_at is not null'),
      resolved: count(`r.answered_at is not null and r.resolution = 'resolved'`),
      on_time: count('r.answered_at is not null and r.answered_at <= r.answer_due_at'),
      rated: count(RATED),
      satisfied: count(SATISFIED),
      returned: count('r.return_count > 0'),
      reopened: count('r.reopen_count > 0'),
      extended: count('r.extension_count > 0'),
    },
    indexes: [],
  },
  {
    // A department leading: its appeals closed and rated, by closure (the department also its row's department, so a
    // department scope reads it as any roll-up: its rows at depth 1).
    table: 'appeal_lead_closed_day',
    source: 'appeal_projection',
    units: LEAD,
    where: `r.lead_kind = 'department' and r.lead_code is not null and ${CLOSED_RATED}`,
    department: 'r.lead_code',
    keys: { day: ['date', chinaDate('r.closed_at')] },
    measures: { n: count(), satisfied: count(SATISFIED) },
    indexes: [],
  },
  {
    table: 'appeal_received_day',
    source: 'appeal_projection',
    keys: { day: ['date', chinaDate('r.received_at')] },
    measures: { n: count() },
    indexes: [],
  },
  {
    // By place and closure, with who leads it: a unit of the grid system (the rankings by place) or a department
    // (the department dimension: the rankings of the departments beneath a unit).
    table: 'appeal_closed_day',
    source: 'appeal_projection',
    where: CLOSED_RATED,
    department: `case when r.lead_kind = 'department' then r.lead_code end`,
    keys: { day: ['date', chinaDate('r.closed_at')], lead_kind: ['text', 'r.lead_kind'] },
    measures: { n: count(), satisfied: count(SATISFIED) },
    indexes: [],
  },
];
