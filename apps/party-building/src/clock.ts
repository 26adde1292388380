import { Injectable } from '@nestjs/common';

/** The service's "now", injected so that time rules can be tested at chosen instants. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
