import type { Caller } from '@gridline/auth';

export class ReadActivityPhotoChunkQuery {
  constructor(
    readonly caller: Caller,
    readonly activityId: string,
    readonly photoId: string,
    readonly index: number,
  ) {}
}
