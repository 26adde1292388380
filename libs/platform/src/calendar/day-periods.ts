/** A period of China calendar days, YYYY-MM-DD, both ends inclusive; no end means open-ended (current). */
export interface DayPeriod {
  startsOn: string;
  endsOn: string | null;
}

/** Active on a day: the day lies within [startsOn, endsOn], both inclusive; no end means open-ended. */
export function isActiveOn(period: DayPeriod, day: string): boolean {
  return period.startsOn <= day && (period.endsOn === null || period.endsOn >= day);
}

/** Two inclusive periods share at least one day. ISO dates compare correctly as strings. */
export function periodsOverlap(a: DayPeriod, b: DayPeriod): boolean {
  return (b.endsOn === null || a.startsOn <= b.endsOn) && (a.endsOn === null || b.startsOn <= a.endsOn);
}
