import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, WorkloadQuery } from '@gridline/contracts-analytics';
import { GetWorkloadQuery } from './use-cases/get-workload/get-workload.query';
import { GetWorkloadUseCase } from './use-cases/get-workload/get-workload.use-case';

@BoundedRead()
@Controller()
export class WorkloadBusController {
  constructor(private readonly getWorkload: GetWorkloadUseCase) {}

  @MessagePattern(ANALYTICS_REQUESTS.workload.pattern)
  workload(@Payload() query: WorkloadQuery, @BusCaller() caller: Caller) {
    return this.getWorkload.execute(new GetWorkloadQuery(caller, query));
  }
}
