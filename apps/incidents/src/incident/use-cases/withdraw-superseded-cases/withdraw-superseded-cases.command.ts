/** An appeal's new dispatch, as far as its earlier hand-offs' cases are concerned. */
export interface AppealRedispatched {
  appealId: string;
  /** The appeal's hand-off now (null: never handed down to a grid). */
  handoff: number | null;
  /** Whether the new lead is a grid (its hand-off `handoff` has, or will have, its own case). */
  toGrid: boolean;
  reason: string;
}
