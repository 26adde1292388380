import type { Caller } from '@gridline/auth';
import type { FiguresQuery } from '@gridline/contracts-hotline';

/** The figures per lead owner over a period, within the caller's scope. */
export class ReadAppealFiguresQuery {
  constructor(
    readonly caller: Caller,
    readonly period: FiguresQuery,
  ) {}
}
