import type { Caller } from '@gridline/auth';

export class AddActivityPhotoChunkCommand {
  constructor(
    readonly caller: Caller,
    readonly photoId: string,
    readonly index: number,
    readonly data: Buffer,
  ) {}
}
