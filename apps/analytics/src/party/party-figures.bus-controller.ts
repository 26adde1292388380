import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, PartyFiguresQuery } from '@gridline/contracts-analytics';
import { GetPartyFiguresQuery } from './use-cases/get-party-figures/get-party-figures.query';
import { GetPartyFiguresUseCase } from './use-cases/get-party-figures/get-party-figures.use-case';

@BoundedRead()
@Controller()
export class PartyFiguresBusController {
  constructor(private readonly getPartyFigures: GetPartyFiguresUseCase) {}

  @MessagePattern(ANALYTICS_REQUESTS.partyFigures.pattern)
  party(@Payload() query: PartyFiguresQuery, @BusCaller() caller: Caller) {
    return this.getPartyFigures.execute(new GetPartyFiguresQuery(caller, query));
  }
}
