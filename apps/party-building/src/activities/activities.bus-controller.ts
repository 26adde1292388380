import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import {
  ActivityIdRequest,
  CancelActivityRequest,
  CheckInRequest,
  CreateActivityRequest,
  ListActivitiesQuery as ListActivitiesRequest,
  MyActivitiesQuery as MyActivitiesRequest,
  OpenActivitiesQuery as OpenActivitiesRequest,
  PARTY_BUILDING_REQUESTS,
  RecordHeldActivityRequest,
  SignUpRequest,
  SubmitReportRequest,
} from '@gridline/contracts-party-building';
import { CancelActivityCommand } from './use-cases/cancel-activity/cancel-activity.command';
import { CancelActivityUseCase } from './use-cases/cancel-activity/cancel-activity.use-case';
import { CancelSignUpCommand } from './use-cases/cancel-sign-up/cancel-sign-up.command';
import { CancelSignUpUseCase } from './use-cases/cancel-sign-up/cancel-sign-up.use-case';
import { CheckInCommand } from './use-cases/check-in/check-in.command';
import { CheckInUseCase } from './use-cases/check-in/check-in.use-case';
import { CreateActivityCommand } from './use-cases/create-activity/create-activity.command';
import { CreateActivityUseCase } from './use-cases/create-activity/create-activity.use-case';
import { GetActivityQuery } from './use-cases/get-activity/get-activity.query';
import { GetActivityUseCase } from './use-cases/get-activity/get-activity.use-case';
import { GetReportQuery } from './use-cases/get-report/get-report.query';
import { GetReportUseCase } from './use-cases/get-report/get-report.use-case';
import { ListActivitiesQuery } from './use-cases/list-activities/list-activities.query';
import { ListActivitiesUseCase } from './use-cases/list-activities/list-activities.use-case';
import { MyActivitiesQuery } from './use-cases/my-activities/my-activities.query';
import { MyActivitiesUseCase } from './use-cases/my-activities/my-activities.use-case';
import { OpenActivitiesQuery } from './use-cases/open-activities/open-activities.query';
import { OpenActivitiesUseCase } from './use-cases/open-activities/open-activities.use-case';
import { OpenCheckInCommand } from './use-cases/open-check-in/open-check-in.command';
import { OpenCheckInUseCase } from './use-cases/open-check-in/open-check-in.use-case';
import { RecordHeldActivityCommand } from './use-cases/record-held-activity/record-held-activity.command';
import { RecordHeldActivityUseCase } from './use-cases/record-held-activity/record-held-activity.use-case';
import { SignUpCommand } from './use-cases/sign-up/sign-up.command';
import { SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';
import { SubmitReportCommand } from './use-cases/submit-report/submit-report.command';
import { SubmitReportUseCase } from './use-cases/submit-report/submit-report.use-case';

/** Party activities on the bus: scheduling, sign-up, check-in, the report, the lists. */
@Controller()
export class ActivitiesBusController {
  constructor(
    private readonly createActivity: CreateActivityUseCase,
    private readonly cancelActivity: CancelActivityUseCase,
    private readonly getActivity: GetActivityUseCase,
    private readonly listActivities: ListActivitiesUseCase,
    private readonly myActivities: MyActivitiesUseCase,
    private readonly openActivities: OpenActivitiesUseCase,
    private readonly signUpMember: SignUpUseCase,
    private readonly cancelSignUpOf: CancelSignUpUseCase,
    private readonly openCheckInCode: OpenCheckInUseCase,
    private readonly checkInMember: CheckInUseCase,
    private readonly submitReportOf: SubmitReportUseCase,
    private readonly getReportOf: GetReportUseCase,
    private readonly recordHeldActivity: RecordHeldActivityUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.createActivity.pattern)
  @Idempotent()
  create(@Payload() request: CreateActivityRequest, @BusCaller() caller: Caller) {
    return this.createActivity.execute(new CreateActivityCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.recordHeldActivity.pattern)
  @Idempotent()
  recordHeld(@Payload() request: RecordHeldActivityRequest, @BusCaller() caller: Caller) {
    return this.recordHeldActivity.execute(new RecordHeldActivityCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.cancelActivity.pattern)
  cancel(@Payload() { id, reason }: CancelActivityRequest, @BusCaller() caller: Caller) {
    return this.cancelActivity.execute(new CancelActivityCommand(caller, id, reason));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getActivity.pattern)
  get(@Payload() { id }: ActivityIdRequest, @BusCaller() caller: Caller) {
    return this.getActivity.execute(new GetActivityQuery(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listActivities.pattern)
  list(@Payload() query: ListActivitiesRequest, @BusCaller() caller: Caller) {
    return this.listActivities.execute(new ListActivitiesQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.myActivities.pattern)
  mine(@Payload() query: MyActivitiesRequest, @BusCaller() caller: Caller) {
    return this.myActivities.execute(new MyActivitiesQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.openActivities.pattern)
  open(@Payload() query: OpenActivitiesRequest, @BusCaller() caller: Caller) {
    return this.openActivities.execute(new OpenActivitiesQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.signUp.pattern)
  signUp(@Payload() { id, memberId }: SignUpRequest, @BusCaller() caller: Caller) {
    return this.signUpMember.execute(new SignUpCommand(caller, id, memberId));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.cancelSignUp.pattern)
  cancelSignUp(@Payload() { id, memberId }: SignUpRequest, @BusCaller() caller: Caller) {
    return this.cancelSignUpOf.execute(new CancelSignUpCommand(caller, id, memberId));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.openCheckIn.pattern)
  openCheckIn(@Payload() { id }: ActivityIdRequest, @BusCaller() caller: Caller) {
    return this.openCheckInCode.execute(new OpenCheckInCommand(caller, id));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.checkIn.pattern)
  checkIn(@Payload() { id, code }: CheckInRequest, @BusCaller() caller: Caller) {
    return this.checkInMember.execute(new CheckInCommand(caller, id, code));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.submitReport.pattern)
  submitReport(@Payload() { id, summary }: SubmitReportRequest, @BusCaller() caller: Caller) {
    return this.submitReportOf.execute(new SubmitReportCommand(caller, id, summary));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.getReport.pattern)
  getReport(@Payload() { id }: ActivityIdRequest, @BusCaller() caller: Caller) {
    return this.getReportOf.execute(new GetReportQuery(caller, id));
  }
}
