import type { Caller } from '@gridline/auth';
import type { CreateResidentRequest } from '@gridline/contracts-registry';

export class RegisterResidentCommand {
  constructor(
    readonly caller: Caller,
    readonly resident: CreateResidentRequest,
  ) {}
}
