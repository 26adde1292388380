import { Module } from '@nestjs/common';
import { PartyFiguresModule } from '../party/party-figures.module';
import { WorkloadBusController } from './workload.bus-controller';
import { WorkloadRepository } from './workload.repository';
import { GetWorkloadUseCase } from './use-cases/get-workload/get-workload.use-case';

/** The staff workload (`analytics.workload.get`) over the case, visit and party projections. */
@Module({
  imports: [PartyFiguresModule],
  controllers: [WorkloadBusController],
  providers: [WorkloadRepository, GetWorkloadUseCase],
})
export class WorkloadModule {}
