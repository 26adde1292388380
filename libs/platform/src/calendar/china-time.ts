const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day of an instant in China Standard Time (UTC+8 all year), as YYYY-MM-DD, whatever the server's zone. */
export function chinaDay(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
