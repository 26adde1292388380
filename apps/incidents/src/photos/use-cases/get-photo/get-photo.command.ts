import type { Caller } from '@gridline/auth';

export class GetPhotoCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly photoId: string,
  ) {}
}
