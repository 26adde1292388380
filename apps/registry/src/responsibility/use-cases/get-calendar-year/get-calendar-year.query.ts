export class GetCalendarYearQuery {
  constructor(readonly year: number) {}
}
