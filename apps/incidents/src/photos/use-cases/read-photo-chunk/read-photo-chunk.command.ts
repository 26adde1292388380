import type { Caller } from '@gridline/auth';

export class ReadPhotoChunkCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly photoId: string,
    readonly index: number,
  ) {}
}
