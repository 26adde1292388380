import type { Caller } from '@gridline/auth';
import type { RecordOpen311MediaRequest } from '@gridline/contracts-hotline';

/** The media URL an Open311 client sent with the appeal it submitted. */
export class RecordOpen311MediaCommand {
  constructor(
    readonly caller: Caller,
    readonly media: RecordOpen311MediaRequest,
  ) {}
}
