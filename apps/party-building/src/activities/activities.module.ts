import { Module } from '@nestjs/common';
import { MEDIA_STORE } from '@gridline/media';
import { EXPIRING_PHOTO_UPLOADS, PhotoUploadJanitor } from '@gridline/messaging';
import { PgMediaStore, PgPhotoChunks, PhotoUploads } from '@gridline/persistence';
import { Clock } from '../clock';
import { LedgerModule } from '../ledger/ledger.module';
import { MembersModule } from '../members/members.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { StationsModule } from '../stations/stations.module';
import { ActivitiesBusController } from './activities.bus-controller';
import { ActivityAccess } from './activity-access';
import { ActivityRepository } from './activity.repository';
import { ActivityDrafts } from './activity-drafts';
import { CheckInRepository } from './check-in.repository';
import { ActivityPhotosBusController } from './photos/activity-photos.bus-controller';
import { ActivityPhotoRepository } from './photos/activity-photo.repository';
import { AddActivityPhotoChunkUseCase } from './photos/use-cases/add-chunk/add-chunk.use-case';
import { BeginActivityPhotoUploadUseCase } from './photos/use-cases/begin-upload/begin-upload.use-case';
import { CommitActivityPhotoUseCase } from './photos/use-cases/commit-photo/commit-photo.use-case';
import { GetActivityPhotoUseCase } from './photos/use-cases/get-photo/get-photo.use-case';
import { ReadActivityPhotoChunkUseCase } from './photos/use-cases/read-chunk/read-chunk.use-case';
import { CancelActivityUseCase } from './use-cases/cancel-activity/cancel-activity.use-case';
import { CancelSignUpUseCase } from './use-cases/cancel-sign-up/cancel-sign-up.use-case';
import { CheckInUseCase } from './use-cases/check-in/check-in.use-case';
import { CreateActivityUseCase } from './use-cases/create-activity/create-activity.use-case';
import { GetActivityUseCase } from './use-cases/get-activity/get-activity.use-case';
import { GetReportUseCase } from './use-cases/get-report/get-report.use-case';
import { ListActivitiesUseCase } from './use-cases/list-activities/list-activities.use-case';
import { MyActivitiesUseCase } from './use-cases/my-activities/my-activities.use-case';
import { OpenActivitiesUseCase } from './use-cases/open-activities/open-activities.use-case';
import { OpenCheckInUseCase } from './use-cases/open-check-in/open-check-in.use-case';
import { RecordHeldActivityUseCase } from './use-cases/record-held-activity/record-held-activity.use-case';
import { SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';
import { SubmitReportUseCase } from './use-cases/submit-report/submit-report.use-case';

/** Party activities: scheduled by keepers, signed up for by members, checked in by a one-time code, reported with photos. */
@Module({
  imports: [OrganisationsModule, MembersModule, LedgerModule, StationsModule],
  controllers: [ActivitiesBusController, ActivityPhotosBusController],
  providers: [
    Clock,
    ActivityRepository,
    CheckInRepository,
    ActivityAccess,
    ActivityDrafts,
    CreateActivityUseCase,
    CancelActivityUseCase,
    GetActivityUseCase,
    ListActivitiesUseCase,
    MyActivitiesUseCase,
    OpenActivitiesUseCase,
    SignUpUseCase,
    CancelSignUpUseCase,
    OpenCheckInUseCase,
    CheckInUseCase,
    SubmitReportUseCase,
    GetReportUseCase,
    RecordHeldActivityUseCase,
    // Photos of reports: the default MediaStore is bytea in this service's schema, as in incidents.
    { provide: MEDIA_STORE, useClass: PgMediaStore },
    PgPhotoChunks,
    PhotoUploads,
    ActivityPhotoRepository,
    { provide: EXPIRING_PHOTO_UPLOADS, useExisting: ActivityPhotoRepository },
    PhotoUploadJanitor,
    BeginActivityPhotoUploadUseCase,
    AddActivityPhotoChunkUseCase,
    CommitActivityPhotoUseCase,
    GetActivityPhotoUseCase,
    ReadActivityPhotoChunkUseCase,
  ],
})
export class ActivitiesModule {}
