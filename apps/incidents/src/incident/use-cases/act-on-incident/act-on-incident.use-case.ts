import { Injectable } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { TransactionRunner } from '@gridline/persistence';
import { AppError, CommonErrorCode, backdatedStepProblem } from '@gridline/platform';
import { mayBackdate, type Caller } from '@gridline/auth';
import type { DispatchReason, IncidentActionBody, IncidentOwner, IncidentStatus, IncidentView } from '@gridline/contracts-incidents';
import { PhotoAttachments } from '../../../photos/photo-attachments';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import { IncidentJournal, type IncidentEventName } from '../../incident-journal';
import { IncidentEntity } from '../../incident.entity';
import { incidentInvalid, incidentNotFound, need, notAllowedInState, staleVersion } from '../../incident.errors';
import { codesOf, toIncidentView } from '../../incident.mapper';
import { storedOwner } from '../../timeline-details';
import { PROCESS, allowedActions, mayView } from '../../incident-process';
import { IncidentRepository } from '../../incident.repository';
import type { ActOnIncidentCommand } from './act-on-incident.command';

type EventName = IncidentEventName;

/** What an action did: the events it raises, in order, and what its timeline entry says happened. */
interface Applied {
  events: EventName[];
  details?: Record<string, unknown>;
}

/** An owner, and why the dispatch chose it. */
interface ChosenOwner {
  owner: IncidentOwner;
  why: DispatchReason;
  categoryOwnerLevel?: 'grid' | 'community' | 'street';
}

/**
 * Takes one step of the case process: checks the state and the actor, applies the step, restarts the clock of
 * the next step, and records the timeline entry and the event — all in one transaction, guarded by the case's
 * version so that two concurrent actions cannot both succeed.
 */
@Injectable()
export class ActOnIncidentUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
    private readonly registry: RegistryReference,
    private readonly journal: IncidentJournal,
    private readonly attachments: PhotoAttachments,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, action, body }: ActOnIncidentCommand): Promise<IncidentView> {
    // Refused before the case is looked up: a back-dated step is the demo seed's alone, whatever the case.
    if (body.at !== undefined && !mayBackdate(caller)) throw incidentInvalid('at', "may be given only by the platform's demo seed (a history loaded later)");
    // A department the local copy lacks is asked of the registry: before the transaction, never inside it.
    const departmentActive = action === 'dispatch' && body.ownerDepartmentCode ? await this.registry.isActiveDepartment(body.ownerDepartmentCode) : undefined;
    try {
      return await this.transactions.run(async () => {
        const incident = await this.incidents.findById(id);
        if (!incident || !mayView(caller, incident)) throw incidentNotFound(id);
        if (body.version !== undefined && body.version !== incident.version) throw staleVersion(id, incident.version);
        const rule = PROCESS[action];
        const now = body.at === undefined ? new Date() : await this.stepTime(incident, body.at);
        if (!rule.from.includes(incident.status) || !(rule.when?.(incident, now) ?? true)) {
          throw notAllowedInState(action, incident.status, allowedActions(caller, incident, now));
        }
        if (!rule.who(caller, incident)) {
          throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles or scope do not allow "${action}" on this case`, { allowedActions: allowedActions(caller, incident, now) });
        }
        const from = incident.status;
        const { events, details = {} } = await this.apply(caller, incident, action, body, now, departmentActive);
        incident.updatedAt = now;
        const comment = body.comment ?? body.reason ?? body.result ?? null;
        events.forEach((event, i) => this.journal.record(incident, { action: i === 0 ? action : event, actor: caller.sub, from: i === 0 ? from : incident.status, comment, details, at: now }, event));
        if (events.length === 0) this.journal.record(incident, { action, actor: caller.sub, from, comment, details, at: now });
        await this.incidents.save();
        return toIncidentView(incident, caller, await this.reference.names(codesOf([incident])));
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) throw staleVersion(id, -1);
      throw error;
    }
  }

  /** Applies the action; returns the events it raises, in order, and the details of its timeline entry. */
  private async apply(caller: Caller, incident: IncidentEntity, action: ActOnIncidentCommand['action'], body: IncidentActionBody, now: Date, departmentActive?: boolean): Promise<Applied> {
    const moveTo = async (status: IncidentStatus) => {
      incident.status = status;
      await this.journal.startStep(incident, now);
    };
    switch (action) {
      case 'accept':
        await moveTo('accepted');
        return { events: ['accepted'] };
      case 'reject':
        need(body.reason, 'reason', 'is required to reject a case');
        await moveTo('rejected');
        return { events: ['rejected'], details: { reason: body.reason } };
      case 'dispatch': {
        const chosen = await this.ownerFor(incident, body, departmentActive);
        incident.owner = chosen.owner;
        incident.extension = null;
        await moveTo('dispatched');
        const { kind, code, level } = storedOwner({ owner: chosen.owner })!;
        return { events: ['dispatched'], details: { owner: { kind, code, ...(level ? { level } : {}) }, why: chosen.why, ...(chosen.categoryOwnerLevel ? { categoryOwnerLevel: chosen.categoryOwnerLevel } : {}) } };
      }
      case 'sign':
        incident.status = 'in_progress';
        // The handling clock runs from dispatch: signing late does not buy time.
        await this.journal.startStep(incident, now, this.dispatchTime(incident, now));
        return { events: ['signed'] };
      case 'return': {
        need(body.reason, 'reason', 'is required to return a case');
        const returnedBy = storedOwner({ owner: incident.owner });
        incident.owner = null;
        incident.extension = null;
        await moveTo('accepted');
        return { events: ['returned'], details: { reason: body.reason, owner: returnedBy } };
      }
      case 'handle': {
        // The handler's after photos, by the ids their upload answered (or bare URLs, the older form).
        const attachments = await this.attachments.resolve(incident, body.attachments, 'after');
        const resolution = body.resolution ?? 'resolved';
        incident.handling = { result: need(body.result, 'result', 'is required to report the handling'), resolution, attachments, by: caller.sub, at: now.toISOString() };
        await moveTo('handled');
        return { events: ['handled'], details: { result: body.result, resolution, attachments } };
      }
      case 'verify': {
        const passed = need(body.passed, 'passed', 'must say whether the handling passed verification on site');
        incident.verification = { passed, comment: body.comment ?? null, by: caller.sub, at: now.toISOString() };
        const details = { passed, comment: body.comment ?? null };
        if (passed) {
          await moveTo('closed');
          return { events: ['verified', 'closed'], details };
        }
        incident.reworkCount += 1;
        await moveTo('in_progress');
        return { events: ['reworked'], details };
      }
      case 'evaluate': {
        const rating = need(body.rating, 'rating', 'is required (1 to 5)');
        incident.rating = rating;
        incident.evaluation = { rating, by: caller.sub, at: now.toISOString() };
        await moveTo('evaluated');
        return { events: ['evaluated'], details: { rating } };
      }
      case 'request_extension': {
        need(body.reason, 'reason', 'is required to ask for an extension');
        const until = new Date(need(body.until, 'until', 'is required: the new due time asked for'));
        if (!incident.dueAt || until <= incident.dueAt) throw incidentInvalid('until', 'must be later than the current due time');
        incident.extension = { requestedUntil: until.toISOString(), reason: body.reason!, requestedBy: caller.sub };
        return { events: [], details: { requestedUntil: until.toISOString(), reason: body.reason, dueAt: incident.dueAt.toISOString() } };
      }
      case 'decide_extension': {
        const approve = need(body.approve, 'approve', 'must say whether the extension is approved');
        const requested = incident.extension!;
        incident.extension = null;
        const decided = (): Record<string, unknown> => ({ approved: approve, requestedUntil: requested.requestedUntil, dueAt: incident.dueAt?.toISOString() ?? null });
        if (!approve) return { events: [], details: decided() };
        await this.journal.setClock(incident, incident.stepStartedAt ?? now, new Date(requested.requestedUntil), now);
        incident.supervisionCard = 'none';
        incident.supervisorUnitCode = null;
        incident.supervisedSince = null;
        return { events: ['extended'], details: decided() };
      }
      case 'cancel':
        need(body.reason, 'reason', 'is required to cancel a case');
        await moveTo('cancelled');
        return { events: ['cancelled'], details: { reason: body.reason } };
      case 'merge': {
        const intoId = need(body.intoId, 'intoId', 'is required: the case this one duplicates');
        const into = await this.incidents.findById(intoId);
        if (!into || into.id === incident.id || !mayView(caller, into)) throw incidentInvalid('intoId', 'is not another case in your scope');
        if (['rejected', 'cancelled', 'merged'].includes(into.status)) throw incidentInvalid('intoId', `is ${into.status}`);
        incident.mergedInto = into.id;
        await moveTo('merged');
        return { events: ['merged'], details: { intoId: into.id } };
      }
    }
  }

  /** A back-dated step's time: not in the future, and never before what the case already records (its events stay in order). */
  private async stepTime(incident: IncidentEntity, given: string): Promise<Date> {
    const at = new Date(given);
    const problem = backdatedStepProblem(at, await this.incidents.lastEntryAt(incident.id));
    if (problem) throw incidentInvalid('at', problem);
    return at;
  }

  private dispatchTime(incident: IncidentEntity, now: Date): Date {
    return incident.stepStartedAt && incident.step === 'sign' ? incident.stepStartedAt : now;
  }

  /**
   * The owner: named in the request (a department, or the grid, its community or street), else the category's.
   * `departmentActive`: whether the department named is active, as asked before the transaction.
   */
  private async ownerFor(incident: IncidentEntity, body: IncidentActionBody, departmentActive?: boolean): Promise<ChosenOwner> {
    if (body.ownerDepartmentCode && body.ownerUnitCode) throw incidentInvalid('ownerUnitCode', 'cannot be given with ownerDepartmentCode');
    if (body.ownerDepartmentCode) {
      // A department nobody knows would leave a case that no one can sign for.
      if (!departmentActive) {
        throw incidentInvalid('ownerDepartmentCode', `${body.ownerDepartmentCode} is not an active department of the responsibility list`);
      }
      return { owner: { kind: 'department', departmentCode: body.ownerDepartmentCode }, why: 'chosen' };
    }
    if (body.ownerUnitCode) {
      if (!incident.path.includes(body.ownerUnitCode)) throw incidentInvalid('ownerUnitCode', "must be the case's grid, its community or its street");
      return { owner: await this.unitOwner(body.ownerUnitCode), why: 'chosen' };
    }
    const category = await this.reference.category(incident.categoryCode);
    const owner = category?.owner;
    if (!owner) throw incidentInvalid('ownerDepartmentCode', 'or ownerUnitCode is required: the category names no owner');
    if (owner.departmentCode) return { owner: { kind: 'department', departmentCode: owner.departmentCode }, why: 'category_department' };
    const street = incident.path[0];
    const community = incident.path.length >= 3 ? incident.path[1] : street;
    const code = owner.level === 'grid' ? incident.gridCode : owner.level === 'community' ? community : street;
    return { owner: await this.unitOwner(code), why: 'category_level', categoryOwnerLevel: owner.level ?? undefined };
  }

  private async unitOwner(code: string): Promise<IncidentOwner> {
    const unit = await this.reference.unit(code);
    const level = unit?.level === 'exclusive_grid' ? 'grid' : unit?.level;
    if (level !== 'grid' && level !== 'community' && level !== 'street') throw incidentInvalid('ownerUnitCode', `${code} is not a known unit`);
    return { kind: 'unit', unitCode: code, level };
  }
}
