import type { Caller } from '@gridline/auth';
import type { UpdateCategoryBody } from '@gridline/contracts-registry';

export class UpdateCategoryCommand {
  constructor(
    readonly caller: Caller,
    readonly code: string,
    readonly changes: UpdateCategoryBody,
  ) {}
}
