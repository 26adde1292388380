/** Mainland mobile numbers live in @gridline/platform (members and residents share them); re-exported for the registry's callers. */
export { IsMainlandMobile, mobileProblem, normalizeMobile } from '@gridline/platform';
