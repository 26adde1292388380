/**
 * An instant as the console shows it: China time (the platform's days are China days, whatever the browser's zone),
 * in the console's language — e.g. `2026/12/2 10:26` (zh-CN) or `02/12/2026, 10:26` (English). Empty for none.
 */
export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/** Today's China day (`YYYY-MM-DD`): the day the API's periods default to, whatever the browser's zone. */
export function chinaToday(now: Date = new Date()): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** This China month (`YYYY-MM`), as the league table takes it. */
export const chinaMonth = (now: Date = new Date()): string => chinaToday(now).slice(0, 7);
