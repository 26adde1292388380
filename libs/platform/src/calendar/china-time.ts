/** China Standard Time is UTC+8 all year (no DST since 1991): a fixed offset is exact and needs no tz database. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The instant moved by China's offset, so that its UTC fields (`getUTCHours()`, `toISOString()`…) read China's wall
 * clock: for formatting and for day arithmetic in China time, never to store or compare with real instants.
 */
export function chinaWallClock(at: Date = new Date()): Date {
  return new Date(at.getTime() + CHINA_OFFSET_MS);
}

/** The calendar day of an instant in China Standard Time (UTC+8 all year), as YYYY-MM-DD, whatever the server's zone. */
export function chinaDay(at: Date = new Date()): string {
  return chinaWallClock(at).toISOString().slice(0, 10);
}

/** The calendar year of an instant in China Standard Time. */
export function cstYear(at: Date = new Date()): number {
  return chinaWallClock(at).getUTCFullYear();
}

/** The instant a YYYY-MM-DD day starts in China (its 00:00 at UTC+8). */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
