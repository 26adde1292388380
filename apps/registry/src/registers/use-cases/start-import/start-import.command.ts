import type { Caller } from '@gridline/auth';
import type { ImportKind } from '@gridline/contracts-registry';

export class StartImportCommand {
  constructor(
    readonly caller: Caller,
    readonly kind: ImportKind,
    /** The client's own id for the import (to follow it while uploading); a new one if not given. */
    readonly jobId?: string,
  ) {}
}
