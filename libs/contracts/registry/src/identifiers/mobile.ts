/** Mainland mobile numbers live in @gridline/platform (members and residents share them); re-exported for the registry's callers. */
export { IsMainlandMobile, NormalizeMobile, mobileProblem, normalizeMobile } from '@gridline/platform';
