import { useI18n } from 'vue-i18n';

/**
 * A code's name in the user's language (`label('status', 'closed')` → 已结案), the code itself where the texts name
 * none — so that a code the API adds later still shows rather than a blank. One way for every status, step and field.
 */
export function useLabels() {
  const { t, te } = useI18n();
  const label = (namespace: string, code: string): string => (te(`${namespace}.${code}`) ? t(`${namespace}.${code}`) : code);
  return { label };
}
