import type { Satisfaction } from '@gridline/contracts-hotline';

/** The hotline's callback on an appeal: its hand-off and the caller's satisfaction. */
export interface AppealCalledBack {
  appealId: string;
  handoff: number | null;
  satisfaction: Satisfaction | null;
}
