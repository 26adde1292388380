/** An assignment another service's event asked for, refused: the source record, where and what, and why. */
export class RecordAssignmentRefusalCommand {
  constructor(
    readonly source: string,
    readonly unitCode: string,
    readonly role: string,
    readonly error: Error,
  ) {}
}
