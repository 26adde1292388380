/**
 * A 3+N candidate (a recurring problem over several cases and appeals) that the street grid centre lifted into a
 * joint discussion: incidents opens a candidate discussion from it (durable `incidents-candidate-lift`), once per
 * candidate, and answers with `events.incidents.discussion.opened` or `…open_failed`. Ids and codes only: no
 * personal data.
 */
export interface CandidateLiftedEventData {
  candidateId: string;
  streetCode: string;
  /** The unit the problem recurs in (a grid, a community, the street). */
  unitCode: string;
  /** The unit's path, street first. */
  unitPath: string[];
  categoryCode: string;
  /** What recurs, as the grid centre reads it. */
  summary: string;
  /** The cases and appeals the candidate was raised from. */
  evidence: { incidentIds: string[]; appealIds: string[] };
  /** The user who lifted it. */
  liftedBy: string;
  at: string;
}
