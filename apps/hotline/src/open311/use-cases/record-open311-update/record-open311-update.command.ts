import type { Caller } from '@gridline/auth';
import type { RecordOpen311UpdateRequest } from '@gridline/contracts-hotline';

/** A citizen's comment an Open311 client posts on a published request. */
export class RecordOpen311UpdateCommand {
  constructor(
    readonly caller: Caller,
    readonly update: RecordOpen311UpdateRequest,
  ) {}
}
