import type { Caller } from '@gridline/auth';

export class GetActivityPhotoQuery {
  constructor(
    readonly caller: Caller,
    readonly activityId: string,
    readonly photoId: string,
  ) {}
}
