import type { Caller } from '@gridline/auth';
import type { CreateCategoryRequest } from '@gridline/contracts-registry';

export class CreateCategoryCommand {
  constructor(
    readonly caller: Caller,
    readonly category: CreateCategoryRequest,
  ) {}
}
