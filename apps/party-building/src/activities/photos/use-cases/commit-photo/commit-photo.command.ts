import type { Caller } from '@gridline/auth';

export class CommitActivityPhotoCommand {
  constructor(
    readonly caller: Caller,
    readonly photoId: string,
  ) {}
}
