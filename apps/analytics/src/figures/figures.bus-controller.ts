import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, FiguresQuery } from '@gridline/contracts-analytics';
import { GetFiguresQuery } from './use-cases/get-figures/get-figures.query';
import { GetFiguresUseCase } from './use-cases/get-figures/get-figures.use-case';

@BoundedRead()
@Controller()
export class FiguresBusController {
  constructor(private readonly getFigures: GetFiguresUseCase) {}

  @MessagePattern(ANALYTICS_REQUESTS.figures.pattern)
  figures(@Payload() query: FiguresQuery, @BusCaller() caller: Caller) {
    return this.getFigures.execute(new GetFiguresQuery(caller, query));
  }
}
