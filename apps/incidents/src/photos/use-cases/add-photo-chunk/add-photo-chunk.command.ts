import type { Caller } from '@gridline/auth';

export class AddPhotoChunkCommand {
  constructor(
    readonly caller: Caller,
    readonly photoId: string,
    readonly index: number,
    readonly data: Buffer,
  ) {}
}
