import type { Caller } from '@gridline/auth';
import type { PhotoUploadSpecDto } from '@gridline/media';

export class BeginActivityPhotoUploadCommand {
  constructor(
    readonly caller: Caller,
    readonly activityId: string,
    readonly photos: PhotoUploadSpecDto[],
  ) {}
}
