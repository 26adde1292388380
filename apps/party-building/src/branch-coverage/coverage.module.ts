import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CoverageBusController } from './coverage.bus-controller';
import { CoverageRepository } from './coverage.repository';
import { ReportCoverageUseCase } from './use-cases/report-coverage/report-coverage.use-case';

/** The coverage of the grid by branches (一网格一支部), from the map copy and the organisations and their officers. */
@Module({
  imports: [OrganisationsModule],
  controllers: [CoverageBusController],
  providers: [CoverageRepository, ReportCoverageUseCase],
})
export class CoverageModule {}
