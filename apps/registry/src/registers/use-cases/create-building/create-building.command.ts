import type { Caller } from '@gridline/auth';
import type { CreateBuildingRequest } from '@gridline/contracts-registry';

export class CreateBuildingCommand {
  constructor(
    readonly caller: Caller,
    readonly building: CreateBuildingRequest,
  ) {}
}
