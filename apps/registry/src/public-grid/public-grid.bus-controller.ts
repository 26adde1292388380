import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { PublicGridQuery, REGISTRY_REQUESTS } from '@gridline/contracts-registry';
import { FindPublicGridQuery } from './use-cases/find-public-grid/find-public-grid.query';
import { FindPublicGridUseCase } from './use-cases/find-public-grid/find-public-grid.use-case';

/** The public grid lookup on the bus: only the public caller, signed by the gateway, is answered. */
@Controller()
export class PublicGridBusController {
  constructor(private readonly findPublicGrid: FindPublicGridUseCase) {}

  @MessagePattern(REGISTRY_REQUESTS.findPublicGrid.pattern)
  find(@Payload() query: PublicGridQuery, @BusCaller() caller: Caller) {
    return this.findPublicGrid.execute(new FindPublicGridQuery(caller, query));
  }
}
