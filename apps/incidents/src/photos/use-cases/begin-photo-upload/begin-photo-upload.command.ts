import type { Caller } from '@gridline/auth';
import type { PhotoStage, PhotoUploadSpecDto } from '@gridline/contracts-incidents';

export class BeginPhotoUploadCommand {
  constructor(
    readonly caller: Caller,
    readonly incidentId: string,
    readonly stage: PhotoStage,
    readonly photos: PhotoUploadSpecDto[],
  ) {}
}
