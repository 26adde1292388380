import { Module } from '@nestjs/common';
import { UnitsModule } from '../unit/units.module';
import { PublicGridBusController } from './public-grid.bus-controller';
import { PublicGridRepository } from './public-grid.repository';
import { FindPublicGridUseCase } from './use-cases/find-public-grid/find-public-grid.use-case';

@Module({
  imports: [UnitsModule],
  controllers: [PublicGridBusController],
  providers: [PublicGridRepository, FindPublicGridUseCase],
})
export class PublicGridModule {}
