import { Injectable } from '@nestjs/common';
import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { IncidentsClient, type ReportIncidentRequest } from '@gridline/contracts-incidents';
import { CaseHandoffRepository } from './case-handoff.repository';

/** What a hand-off comes from: a kind of record (`station_record`, `committee_resolution`, …) and its id. */
export interface CaseOrigin {
  kind: string;
  id: string;
}

/** The case a hand-off opened. `replayed`: opened before (this call opened nothing). */
export interface OpenedCase {
  incidentId: string;
  workOrder: string;
  replayed: boolean;
}

/** Refusals of incidents that mean "nothing was opened, the request was wrong": the hand-off may be asked again. */
const REFUSALS = new Set(['validation', 'rule_violation', 'not_found', 'forbidden', 'conflict']);

/**
 * Opens a grid case in incidents for a party-building record, once: the station → case hand-off, and the
 * committees' resolutions that become cases.
 *
 * `open(origin, report, link)`:
 * 1. a hand-off already opened answers its case (`replayed: true`) and calls nothing;
 * 2. otherwise the report is stored under the key `party:<kind>:<id>` (the first stored wins: a retry or a
 *    concurrent call sends that one, not its own), committed;
 * 3. incidents is asked as the service itself (SYSTEM_CALLER) with that key as the report's permanent
 *    idempotency key — asked twice, incidents answers the same case;
 * 4. one transaction stores the case's id on the hand-off and runs `link(opened)`, where the caller writes the id
 *    onto its own record and records its event (through its repository's Outbox).
 * A crash between 3 and 4 leaves the stored request; the retry sends it again and incidents answers the same case.
 * A refusal by incidents (bad category, inactive grid: a 4xx) forgets the stored request and is thrown as is, so a
 * corrected call may follow. The caller checks roles and scope on its own data before calling.
 */
@Injectable()
export class CaseHandoff {
  constructor(
    private readonly handoffs: CaseHandoffRepository,
    private readonly incidents: IncidentsClient,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The permanent key of an origin's hand-off (also incidents' idempotency key for the report). */
  static keyOf(origin: CaseOrigin): string {
    return `party:${origin.kind}:${origin.id}`;
  }

  /** The case opened for an origin, if any. */
  async opened(origin: CaseOrigin): Promise<OpenedCase | null> {
    const handoff = await this.handoffs.find(CaseHandoff.keyOf(origin));
    return handoff?.incidentId ? { incidentId: handoff.incidentId, workOrder: handoff.workOrder ?? '', replayed: true } : null;
  }

  async open(origin: CaseOrigin, report: ReportIncidentRequest, link: (opened: OpenedCase) => Promise<void>): Promise<OpenedCase> {
    const key = CaseHandoff.keyOf(origin);
    const earlier = await this.opened(origin);
    if (earlier) return earlier;
    const pending = await this.transactions.run(() => this.handoffs.claim(key, origin, report));

    let result;
    try {
      result = await this.incidents.report(SYSTEM_CALLER, pending.request, key);
    } catch (error) {
      if (error instanceof AppError && REFUSALS.has(error.kind)) await this.transactions.run(() => this.handoffs.release(key));
      throw error;
    }

    return this.transactions.run(async () => {
      const handoff = (await this.handoffs.lock(key))!;
      if (handoff.incidentId) return { incidentId: handoff.incidentId, workOrder: handoff.workOrder ?? '', replayed: true };
      handoff.incidentId = result.incident.id;
      handoff.workOrder = result.incident.workOrder;
      handoff.openedAt = new Date();
      const opened = { incidentId: result.incident.id, workOrder: result.incident.workOrder, replayed: result.replayed };
      await link(opened);
      await this.handoffs.save();
      return opened;
    });
  }
}
