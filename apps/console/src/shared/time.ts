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
