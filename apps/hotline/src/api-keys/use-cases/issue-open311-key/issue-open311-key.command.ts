import type { Caller } from '@gridline/auth';
import type { IssueOpen311KeyRequest } from '@gridline/contracts-hotline';

/** An API key for an Open311 client application, issued by an admin. */
export class IssueOpen311KeyCommand {
  constructor(
    readonly caller: Caller,
    readonly key: IssueOpen311KeyRequest,
  ) {}
}
