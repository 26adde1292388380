export class RecordHouseholdVisitCommand {
  constructor(
    readonly householdId: string,
    /** The China calendar day of the visit, YYYY-MM-DD. */
    readonly date: string,
  ) {}
}
