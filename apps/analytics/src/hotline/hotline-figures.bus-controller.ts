import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BoundedRead } from '@gridline/persistence';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS } from '@gridline/contracts-analytics';
import { GetHotlineFiguresUseCase } from './use-cases/get-hotline-figures/get-hotline-figures.use-case';

@BoundedRead()
@Controller()
export class HotlineFiguresBusController {
  constructor(private readonly getHotlineFigures: GetHotlineFiguresUseCase) {}

  @MessagePattern(ANALYTICS_REQUESTS.hotlineFigures.pattern)
  hotline(@BusCaller() caller: Caller) {
    return this.getHotlineFigures.execute(caller);
  }
}
