import type { IncidentLocation, IncidentUrgency } from '@gridline/contracts-incidents';
import type { Satisfaction } from '@gridline/contracts-hotline';

/** What the grid case needs from an appeal handed down to a grid. */
export interface AppealHandedDown {
  appealId: string;
  /** The appeal's hand-off (null: an event from before hand-offs were numbered). */
  handoff: number | null;
  categoryCode: string;
  title: string;
  description: string;
  location?: IncidentLocation;
  gridCode: string;
  urgency: IncidentUrgency;
  /** How often the appeal was reopened before this hand-off (a re-handling: > 0). */
  reopenCount?: number;
  /** The caller's satisfaction the appeal carried when handed down: for a re-handling, the callback that reopened it. */
  satisfaction?: Satisfaction | null;
  /** When the demo seed handed it down, back-dated (its history): the case is found then. Absent otherwise. */
  handedDownAt?: string;
}
