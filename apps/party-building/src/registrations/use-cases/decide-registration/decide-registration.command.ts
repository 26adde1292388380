import type { Caller } from '@gridline/auth';

/** The community party committee's decision on a submitted registration: approve, or reject with a reason. */
export class DecideRegistrationCommand {
  constructor(
    readonly caller: Caller,
    readonly id: string,
    readonly decision: { approve: true } | { approve: false; reason: string },
  ) {}
}
