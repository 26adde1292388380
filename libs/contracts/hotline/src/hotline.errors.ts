/** Error codes of the hotline service (stable: clients switch on them). */
export const AppealErrorCode = {
  NotFound: 'APPEAL_NOT_FOUND',
  NotAllowedInState: 'APPEAL_ACTION_NOT_ALLOWED',
  StaleVersion: 'APPEAL_CHANGED',
  Invalid: 'APPEAL_INVALID',
  /** A grid's appeal is signed for, returned and answered through its grid case, not on the appeal. */
  HandledThroughCase: 'APPEAL_HANDLED_THROUGH_CASE',
  /** The owner who raised a return or objection (or asked for an extension) cannot decide it. */
  OwnDecision: 'APPEAL_OWN_REQUEST',
} as const;
