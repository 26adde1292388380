import type { Caller } from '@gridline/auth';
import type { FiguresQuery } from '@gridline/contracts-analytics';

export class GetFiguresQuery {
  constructor(
    readonly caller: Caller,
    readonly query: FiguresQuery,
  ) {}
}
