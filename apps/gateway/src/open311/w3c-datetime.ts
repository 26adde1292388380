import { chinaWallClock } from '@gridline/platform';

// Open311 dates: the W3C profile of ISO 8601, always with a time zone; Gridline answers in China time.

/** `2026-11-27T10:15:00+08:00`, or null. */
export function toW3cDateTime(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) return null;
  return `${chinaWallClock(new Date(ms)).toISOString().slice(0, 19)}+08:00`;
}

/** `2026-11-27 10:15` China time, for notices people read. */
export function toChinaMinutes(value: string | Date): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return chinaWallClock(new Date(ms)).toISOString().slice(0, 16).replace('T', ' ');
}

// YYYY, YYYY-MM, YYYY-MM-DD, or a date with hh:mm[:ss[.s]] and a zone (Z or ±hh:mm). A space where the offset's '+'
// should be is taken as '+': an unencoded '+' in a query string arrives as a space.
const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+\- ]\d{2}:\d{2}))?)?)?$/;

/**
 * Parses a W3C date-time. A date without a time is midnight China time (the platform serves Chinese streets); a time
 * needs its zone, as the specification says. Null when the text is not of the format or not a real date.
 */
export function parseW3cDateTime(text: string): Date | null {
  const m = W3C.exec(text.trim());
  if (!m) return null;
  const [, year, month = '01', day = '01', hour, minute, second = '00', fraction = '', zone] = m;
  const offset = zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : zone.replace(' ', '+');
  const iso = `${year}-${month}-${day}T${hour ?? '00'}:${minute ?? '00'}:${second}${fraction}${offset}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  // Date.parse rolls 2026-02-31 over into March (and 24:00 into the next day): refuse what is not on the clock.
  const local = new Date(ms + (offset === 'Z' ? 0 : offsetMs(offset)));
  if (local.getUTCDate() !== Number(day) || local.getUTCMonth() + 1 !== Number(month) || local.getUTCHours() !== Number(hour ?? 0)) return null;
  return new Date(ms);
}

function offsetMs(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * (h * 60 + m) * 60_000;
}
