import type { Role } from '@gridline/auth';

/** Who logs household visits: the grid's staff and partners, and the grid centres above them. */
export const VISIT_WRITERS: readonly Role[] = ['admin', 'street_admin', 'community_admin', 'grid_staff', 'grid_partner'];

/** Who reads visit logs: those who log them, and the grid instructors who guide the grids. */
export const VISIT_READERS: readonly Role[] = [...VISIT_WRITERS, 'grid_instructor'];

/** The idempotency key of the case a visit opens: a retried "open a case" creates one case, not two. */
export function visitCaseKey(visitId: string): string {
  return `visit:${visitId}`;
}
