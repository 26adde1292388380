import type { Caller } from '@gridline/auth';

/** Which client application an API key was issued to (the gateway asks, for each Open311 POST). */
export class VerifyOpen311KeyQuery {
  constructor(
    readonly caller: Caller,
    readonly apiKey: string,
  ) {}
}
