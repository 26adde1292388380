/** Resident identity card numbers (GB 11643-1999) live in @gridline/platform (members and residents share them); re-exported for the registry's callers. */
export { IsResidentIdNumber, NormalizeResidentId, normalizeResidentId, parseResidentId, residentIdCheckCharacter, residentIdProblem, type ResidentIdDetails } from '@gridline/platform';
