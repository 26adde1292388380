import type { Caller } from '@gridline/auth';

export class CommitPhotoCommand {
  constructor(
    readonly caller: Caller,
    readonly photoId: string,
  ) {}
}
