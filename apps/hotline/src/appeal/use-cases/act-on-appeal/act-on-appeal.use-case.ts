import { Injectable } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { mayBackdate, scopeCovers, type Caller } from '@gridline/auth';
import { AppError, CommonErrorCode, backdatedStepProblem, fieldPath } from '@gridline/platform';
import { PersonalDataCipher, TransactionRunner } from '@gridline/persistence';
import { Inject } from '@nestjs/common';
import type { TimeLimit } from '@gridline/contracts-registry';
import type { LimitDeadline } from '@gridline/platform';
import { AppealErrorCode, type AppealAction, type AppealActionBody, type AppealOwner, type AppealReview, type AppealTimelineDetails, type AppealView } from '@gridline/contracts-hotline';
import { HOTLINE_CONFIG, HotlineConfig } from '../../../hotline.config';
import { activeCategory } from '../../../reference/active-category';
import { ReferenceRepository, RegistryReference, type ReferenceCodes } from '@gridline/registry-reference';
import { WorkingDeadlines } from '../../../reference/working-deadlines';
import { AppealJournal, type AppealDispatchExtra, type AppealStepEventName, type JournalEntry } from '../../appeal-journal';
import type { AppealEntity } from '../../appeal.entity';
import { AppealRepository } from '../../appeal.repository';
import { appealInvalid as invalid, need } from '../../appeal.errors';
import { DefaultAppealOwner } from '../../appeal-owner';
import type { ActOnAppealCommand } from './act-on-appeal.command';
import { namesOf, toAppealView } from '../../appeal.mapper';
import { APPEAL_PROCESS, ASKED_BY, CASE_STEPS, allowedAppealActions, appealsInScope, asked, handledThroughCase, objectsAs, operates, returnToHotline } from '../../appeal-process';

type EventName = AppealStepEventName;

/** 409 for a step a grid's appeal takes on its grid case, naming the case (or saying it is still being opened). */
function handledOnCase(appeal: AppealEntity, action: AppealAction): AppError {
  const where = appeal.incidentId ? `its grid case ${appeal.incidentId}` : 'its grid case (being opened)';
  const how = action === 'sign' ? 'sign for the case' : action === 'answer' ? 'handle the case; its closure after verification answers the appeal' : 'the grid centre rejects or cancels the case';
  return new AppError(AppealErrorCode.HandledThroughCase, 'conflict', `Appeal ${appeal.id} is led by grid ${appeal.leadKey} and handled through ${where}: ${how}`, {
    action,
    incidentId: appeal.incidentId,
    incidentStatus: appeal.incidentStatus,
    handoff: appeal.handoffCount || null,
  });
}

const ownerKey = (o: AppealOwner) => (o.kind === 'department' ? o.departmentCode : o.unitCode);
const sameOwner = (a: AppealOwner, b: AppealOwner) => a.kind === b.kind && ownerKey(a) === ownerKey(b);
const ownerCode = (o: AppealOwner) => (o.kind === 'department' ? { departmentCode: o.departmentCode } : { unitCode: o.unitCode });

/** What a step reports besides the appeal: the flag says how many appeals it marked. */
interface StepOutcome {
  flaggedAppeals?: number;
}

/** What a step records besides its state: entries before its own (a re-classification), its details, its event's extras. */
interface StepRecord {
  before: JournalEntry[];
  details?: AppealTimelineDetails;
  /** Carried by the step's `dispatched` event only. */
  eventExtra?: AppealDispatchExtra;
}

/** The department, unit and category codes a step's body names: read into the copy before the step when it lacks them. */
function namedCodes(body: AppealActionBody): ReferenceCodes {
  const owners = [body.lead, ...(body.coOwners ?? []), body.owner].filter((o) => !!o);
  return { category: [body.categoryCode], department: owners.map((o) => o!.departmentCode), unit: owners.map((o) => o!.unitCode) };
}

/** One step of an appeal's process, checked against its state and the actor, recorded with its event. */
@Injectable()
export class ActOnAppealUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly transactions: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly copy: ReferenceRepository,
    private readonly reference: RegistryReference,
    private readonly deadlines: WorkingDeadlines,
    private readonly journal: AppealJournal,
    private readonly defaultOwner: DefaultAppealOwner,
    @Inject(HOTLINE_CONFIG) private readonly config: HotlineConfig,
  ) {}

  async execute({ caller, id, action, body }: ActOnAppealCommand): Promise<AppealView> {
    // Refused before the appeal is looked up: a back-dated step is the demo seed's alone, whatever the appeal.
    if (body.at !== undefined && !mayBackdate(caller)) throw invalid('at', "may be given only by the platform's demo seed (a history loaded later)");
    // Only a dispatch re-classifies: a category given with another step would otherwise be dropped unsaid.
    if (body.categoryCode !== undefined && action !== 'dispatch') throw invalid('categoryCode', 'is taken only by dispatch (re-classifying the appeal)');
    // The registry is asked, if at all, before the step's transaction: for codes the command names that the copy lacks.
    if (action === 'dispatch' || action === 'raise_objection' || action === 'decide_objection') await this.reference.prefetch(namedCodes(body));
    const { appeal, outcome } = await this.step(caller, id, action, body);
    return { ...toAppealView(appeal, caller, this.cipher, await this.copy.names(namesOf([appeal]))), ...outcome };
  }

  private async step(caller: Caller, id: string, action: AppealAction, body: AppealActionBody): Promise<{ appeal: AppealEntity; outcome: StepOutcome }> {
    try {
      return await this.transactions.run(async () => {
        const appeal = await this.appeals.findVisible(caller, id);
        if (body.version !== undefined && body.version !== appeal.version) {
          throw new AppError(AppealErrorCode.StaleVersion, 'conflict', `Appeal ${id} changed meanwhile: reload it and try again`, { id, version: appeal.version });
        }
        const rule = APPEAL_PROCESS[action];
        const now = body.at === undefined ? new Date() : await this.stepTime(appeal, body.at);
        // Only the appeal's own handlers hear about its case: they may see it (it lies in their grid).
        if (CASE_STEPS.includes(action) && handledThroughCase(appeal) && rule.from.includes(appeal.status) && rule.who(caller, appeal)) throw handledOnCase(appeal, action);
        if (!rule.from.includes(appeal.status) || !(rule.when?.(appeal, now) ?? true)) {
          throw new AppError(AppealErrorCode.NotAllowedInState, 'conflict', `An appeal that is ${appeal.status} cannot be given "${action}" now`, {
            status: appeal.status,
            allowedActions: allowedAppealActions(caller, appeal, now),
          });
        }
        const askedBy = ASKED_BY[action as keyof typeof ASKED_BY]?.(appeal);
        if (operates(caller, appeal) && asked(caller, askedBy)) {
          throw new AppError(AppealErrorCode.OwnDecision, 'forbidden', `You asked for this yourself: another dispatcher decides "${action}" (separation of duties)`, { action, requestedBy: askedBy });
        }
        if (!rule.who(caller, appeal)) {
          throw new AppError(CommonErrorCode.Forbidden, 'forbidden', `Your roles or scope do not allow "${action}" on this appeal`, { allowedActions: allowedAppealActions(caller, appeal, now) });
        }
        const from = appeal.status;
        const outcome: StepOutcome = {};
        const record: StepRecord = { before: [] };
        const events = await this.apply(caller, appeal, action, body, now, outcome, record);
        appeal.updatedAt = now;
        const comment = body.comment ?? body.reason ?? body.text ?? null;
        for (const entry of record.before) this.journal.record(appeal, { ...entry, at: now });
        events.forEach((event, i) =>
          this.journal.record(
            appeal,
            { action: i === 0 ? action : event, actor: caller.sub, from: i === 0 ? from : appeal.status, comment, details: i === 0 ? record.details : null, at: now },
            event,
            event === 'dispatched' ? record.eventExtra : undefined,
          ),
        );
        if (events.length === 0) this.journal.record(appeal, { action, actor: caller.sub, from, comment, details: record.details, at: now });
        await this.appeals.flush();
        return { appeal, outcome };
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) throw new AppError(AppealErrorCode.StaleVersion, 'conflict', `Appeal ${id} changed meanwhile: reload it and try again`, { id });
      throw error;
    }
  }

  /** A back-dated step's time: not in the future, and never before what the appeal already records (its events stay in order). */
  private async stepTime(appeal: AppealEntity, given: string): Promise<Date> {
    const at = new Date(given);
    const problem = backdatedStepProblem(at, await this.appeals.lastEntryAt(appeal.id));
    if (problem) throw invalid('at', problem);
    return at;
  }

  private async apply(caller: Caller, appeal: AppealEntity, action: AppealAction, body: AppealActionBody, now: Date, outcome: StepOutcome, record: StepRecord): Promise<EventName[]> {
    switch (action) {
      case 'answer_directly':
        appeal.reply = { resolution: 'resolved', text: need(body.text, 'text', 'is required: the answer to the consultation') };
        appeal.answeredAt = now;
        appeal.status = 'closed';
        return ['answered', 'closed'];
      case 'dispatch':
        return this.dispatch(caller, appeal, body, now, record);
      case 'sign':
        appeal.status = 'signed';
        appeal.signedAt = now;
        return ['signed'];
      case 'contact':
        // The first call back to the caller; what was said goes in the comment (no event: it changes no state).
        appeal.contactedAt = now;
        return [];
      case 'return':
        // 退单 is asked, not done: the dispatcher reviews it, and the owner stays responsible meanwhile.
        appeal.review = this.review(caller, 'return', { role: 'lead', owner: appeal.lead! }, need(body.reason, 'reason', 'is required to return an appeal'), null, now);
        return ['returnRequested'];
      case 'decide_return': {
        const asked = appeal.review!;
        const approve = this.decide(caller, appeal, body, now, 'refuse a return', record);
        if (approve) {
          returnToHotline(appeal);
          return ['returned'];
        }
        if (!handledThroughCase(appeal)) return ['returnRefused'];
        // A grid's return was its case's rejection or cancellation: the grid keeps the appeal through a new hand-off
        // (a new case, with new due dates, carrying the refusal) — never a pointer to the case it closed.
        await this.assign(appeal, appeal.lead!, appeal.coOwners, now, 'lead');
        record.eventExtra = { returnRefusal: { reason: appeal.review!.decisionReason!, incidentId: asked.incidentId ?? null } };
        record.details = { ...record.details, incidentId: asked.incidentId ?? null, handoff: appeal.handoffCount };
        return ['returnRefused', 'dispatched'];
      }
      case 'raise_objection': {
        const objected = objectsAs(caller, appeal)!;
        const reason = need(body.reason, 'reason', 'is required to object to a dispatch');
        // The suggestion must name a real owner of the appeal's street (an unknown code is a 400 naming the field).
        const suggested = body.owner ? await this.owner({ ...caller, units: [appeal.path[0]] }, body.owner, 'owner', "in the appeal's street") : null;
        if (suggested && sameOwner(suggested, objected.owner)) throw invalid('owner', 'must be another owner than the one objected to');
        appeal.review = this.review(caller, 'objection', objected, reason, suggested, now);
        record.details = { role: objected.role, owner: ownerKey(objected.owner), suggestedOwner: suggested ? ownerKey(suggested) : null };
        return ['objectionRaised'];
      }
      case 'decide_objection':
        return this.decideObjection(caller, appeal, body, now, record);
      case 'request_extension': {
        need(body.reason, 'reason', 'is required to ask for an extension');
        const until = new Date(need(body.until, 'until', 'is required: the new answer deadline asked for'));
        if (!appeal.answerDueAt || until <= appeal.answerDueAt) throw invalid('until', 'must be later than the current answer deadline');
        appeal.extension = { until: until.toISOString(), reason: body.reason!, by: caller.sub, at: now.toISOString() };
        record.details = { requestedUntil: appeal.extension.until, answerDueAt: appeal.answerDueAt.toISOString() };
        return [];
      }
      case 'decide_extension': {
        const approve = need(body.approve, 'approve', 'must say whether the extension is approved');
        const asked = appeal.extension!;
        const previous = appeal.answerDueAt?.toISOString() ?? null;
        appeal.extension = null;
        if (approve) {
          appeal.answerDueAt = new Date(asked.until);
          appeal.dueProvisional = false;
          appeal.extensionCount += 1;
        }
        // The decision and the due date it leaves, for the owner who asked and for whoever reads the appeal later.
        record.details = { decision: approve ? 'granted' : 'refused', requestedUntil: asked.until, requestedBy: asked.by, answerDueAt: appeal.answerDueAt?.toISOString() ?? null, previousAnswerDueAt: previous };
        return approve ? ['extended'] : [];
      }
      case 'answer':
        appeal.reply = { resolution: need(body.resolution, 'resolution', 'is required: resolved, partly_resolved or not_resolved'), text: need(body.text, 'text', 'is required: the reply to the caller') };
        appeal.answeredAt = now;
        appeal.status = 'answered';
        return ['answered'];
      case 'callback': {
        appeal.satisfaction = need(body.satisfaction, 'satisfaction', 'is required: satisfied, basically_satisfied, dissatisfied or not_reached');
        if (appeal.satisfaction === 'dissatisfied' && appeal.reopenCount === 0) {
          // Re-handling (重办): once, by the same owner, against a new answer deadline.
          appeal.reopenCount += 1;
          appeal.status = handledThroughCase(appeal) ? 'dispatched' : 'signed';
          // A grid's appeal is re-handled by a new grid case (the closed one stays closed): a new hand-off.
          if (handledThroughCase(appeal)) this.startHandoff(appeal);
          await this.setAnswerDue(appeal, now);
          appeal.reply = null;
          appeal.answeredAt = null;
          return ['callback', 'reopened'];
        }
        appeal.status = 'closed';
        return ['callback', 'closed'];
      }
      case 'merge': {
        const intoId = need(body.intoId, 'intoId', 'is required: the appeal this one repeats');
        // A target the caller may not see is answered exactly like one that does not exist.
        const into = await this.appeals.findVisible(caller, intoId);
        // A repeat of a closed appeal is a new call about it: refused here, the caller's new appeal is handled anew.
        if (into.id === appeal.id || into.status === 'merged' || into.status === 'closed') throw invalid('intoId', 'is not another open appeal');
        appeal.mergedInto = into.id;
        appeal.status = 'merged';
        return ['merged'];
      }
      case 'flag': {
        need(body.reason, 'reason', 'is required to flag a caller');
        // Flagged callers are still recorded and still answered: the flag only informs the operators — those of the
        // caller's scope. Appeals of the same phone elsewhere on the platform are not the caller's to mark.
        appeal.flagged = true;
        let others = 0;
        if (appeal.callerPhoneIndex) {
          others = await this.appeals.flagOthers({ callerPhoneIndex: appeal.callerPhoneIndex, id: { $ne: appeal.id }, ...appealsInScope(caller) });
        }
        outcome.flaggedAppeals = 1 + others;
        return [];
      }
    }
  }

  /** The lead (and co-owners): given, or from the category's owner and the located grid; no owner → the street (兜底). */
  private async dispatch(caller: Caller, appeal: AppealEntity, body: AppealActionBody, now: Date, record: StepRecord): Promise<EventName[]> {
    // Re-classified first: the default owner and the answer limit follow the new category. Refused before anything changes.
    if (body.categoryCode !== undefined && body.categoryCode !== appeal.categoryCode) {
      activeCategory(await this.copy.get('category', body.categoryCode), body.categoryCode);
      const change = { from: appeal.categoryCode, to: body.categoryCode };
      record.before.push({ action: 'reclassify', actor: caller.sub, from: appeal.status, to: appeal.status, comment: `Category ${change.from ?? '(none)'} → ${change.to}`, details: change });
      record.eventExtra = { categoryChange: change };
      appeal.categoryCode = body.categoryCode;
    }
    const lead = body.lead ? await this.owner(caller, body.lead, 'lead') : (await this.defaultOwner.of(appeal)).owner;
    const coOwners = [];
    for (const [i, o] of (body.coOwners ?? []).entries()) coOwners.push(await this.owner(caller, o, fieldPath('coOwners', i)));
    await this.assign(appeal, lead, coOwners, now, 'lead');
    // The timeline says who was given it and why: the dispatcher's choice, or the category's owner (the located
    // grid, the street when nobody else is), with the deadlines it starts.
    record.details = {
      ...record.details,
      lead: ownerKey(lead),
      why: body.lead ? 'chosen' : 'category_default',
      coOwners: coOwners.length ? coOwners.map(ownerKey).join(',') : null,
      answerDueAt: appeal.answerDueAt?.toISOString() ?? null,
    };
    return ['dispatched'];
  }

  /**
   * Gives the appeal its lead (and co-owners) from now: status dispatched, the signing-for, contact and answer
   * deadlines computed from this moment on the working calendar — a first dispatch, a re-dispatch after a return,
   * or an upheld objection to the lead alike.
   */
  private async assign(appeal: AppealEntity, lead: AppealOwner, coOwners: AppealOwner[], now: Date, field: string): Promise<void> {
    if (lead.kind === 'unit' && lead.level === 'grid' && !appeal.categoryCode) {
      throw invalid(field, 'cannot be a grid for an appeal without a category: the grid case needs one');
    }
    appeal.lead = lead;
    appeal.leadKey = lead.kind === 'department' ? lead.departmentCode : lead.unitCode;
    // A dispatch never points to an earlier case (rejected, cancelled, closed): to a grid, it starts a new hand-off.
    appeal.incidentId = null;
    appeal.incidentStatus = null;
    appeal.handoffFailure = null;
    if (handledThroughCase(appeal)) this.startHandoff(appeal);
    appeal.coOwners = coOwners;
    appeal.status = 'dispatched';
    appeal.dispatchedAt = now;
    appeal.signDueAt = (await this.deadlines.after(now, { amount: this.config.HOTLINE_SIGN_WORKING_HOURS, unit: 'working_hours' })).deadline;
    appeal.contactDueAt = (await this.deadlines.after(now, { amount: this.config.HOTLINE_CONTACT_WORKING_HOURS, unit: 'working_hours' })).deadline;
    appeal.contactedAt = null;
    appeal.signedAt = null;
    appeal.extension = null;
    await this.setAnswerDue(appeal, now);
  }

  /** A new review: the owner's return or objection, pending until the dispatcher decides. */
  private review(caller: Caller, kind: AppealReview['kind'], of: { role: AppealReview['role']; owner: AppealOwner }, reason: string, suggestedOwner: AppealOwner | null, now: Date): AppealReview {
    return { kind, status: 'pending', role: of.role, owner: of.owner, suggestedOwner, reason, requestedBy: caller.sub, requestedAt: now.toISOString(), decidedBy: null, decidedAt: null, decisionReason: null };
  }

  /** The dispatcher's decision on the pending review: `approve`, and a reason to refuse; the timeline says what was asked. */
  private decide(caller: Caller, appeal: AppealEntity, body: AppealActionBody, now: Date, refusing: string, record: StepRecord): boolean {
    const approve = need(body.approve, 'approve', 'must say whether it is approved');
    const decisionReason = approve ? (body.reason ?? null) : need(body.reason, 'reason', `is required to ${refusing}`);
    const asked = appeal.review!;
    appeal.review = { ...asked, status: approve ? 'approved' : 'refused', decidedBy: caller.sub, decidedAt: now.toISOString(), decisionReason };
    record.details = { decision: approve ? 'approved' : 'refused', kind: asked.kind, role: asked.role, owner: ownerKey(asked.owner), requestedBy: asked.requestedBy, requestReason: asked.reason };
    return approve;
  }

  /**
   * An objection upheld moves the assignment: the lead's to the owner given (or suggested) — a re-dispatch with new
   * due dates —, a co-owner's to the owner given (or suggested), or off the appeal when none is. Dismissed, it stands.
   */
  private async decideObjection(caller: Caller, appeal: AppealEntity, body: AppealActionBody, now: Date, record: StepRecord): Promise<EventName[]> {
    const objection = appeal.review!;
    if (body.approve !== true) {
      this.decide(caller, appeal, body, now, 'dismiss an objection', record);
      return ['objectionDismissed'];
    }
    const given = body.owner ?? (objection.suggestedOwner ? ownerCode(objection.suggestedOwner) : null);
    // The suggestion is checked again, in the dispatcher's scope: a department may have left the list meanwhile.
    const taker = given ? await this.owner(caller, given, 'owner') : null;
    if (taker && sameOwner(taker, objection.owner)) throw invalid('owner', 'must be another owner than the one objected to');
    if (objection.role === 'lead' && !taker) throw invalid('owner', 'is required to uphold an objection to the lead (none was suggested): the owner who takes the appeal');
    this.decide(caller, appeal, body, now, 'dismiss an objection', record);
    record.details = { ...record.details, newOwner: taker ? ownerKey(taker) : null };
    if (objection.role === 'lead') {
      await this.assign(appeal, taker!, appeal.coOwners.filter((o) => !sameOwner(o, taker!)), now, 'owner');
      return ['objectionUpheld', 'dispatched'];
    }
    const others = appeal.coOwners.filter((o) => !sameOwner(o, objection.owner));
    appeal.coOwners = taker && !sameOwner(taker, appeal.lead!) && !others.some((o) => sameOwner(o, taker)) ? [...others, taker] : others;
    return ['objectionUpheld'];
  }

  /** A new hand-off to the lead grid: a new grid case, keyed in incidents by its number; earlier cases' results are ignored. */
  private startHandoff(appeal: AppealEntity): void {
    appeal.handoffCount += 1;
    appeal.incidentId = null;
    appeal.incidentStatus = null;
    appeal.handoffFailure = null;
  }

  /** The answer deadline from `from`, and whether a provisional calendar year counted in it. */
  private async setAnswerDue(appeal: AppealEntity, from: Date): Promise<void> {
    const due = await this.answerDue(appeal, from);
    appeal.answerDueAt = due.deadline;
    appeal.dueProvisional = due.provisional;
  }

  /**
   * The answer deadline: a consultation's from the configuration; any other appeal's from its category's handle
   * limit on the responsibility list (configured per category), else from the configuration by type.
   */
  private async answerDue(appeal: AppealEntity, from: Date): Promise<LimitDeadline> {
    let limit: TimeLimit = { amount: this.config.HOTLINE_ANSWER_DAYS_OTHER, unit: 'working_days' };
    if (appeal.type === 'consultation') {
      limit = { amount: this.config.HOTLINE_ANSWER_DAYS_CONSULTATION, unit: 'working_days' };
    } else if (appeal.categoryCode) {
      // A category the copy does not hold: the configured limit by type still holds.
      const category = await this.copy.get('category', appeal.categoryCode);
      if (category?.handleLimit) limit = category.handleLimit;
    }
    return this.deadlines.after(from, limit);
  }

  private async owner(caller: Caller, given: { departmentCode?: string; unitCode?: string }, field: string, where = 'in your scope'): Promise<AppealOwner> {
    if ((given.departmentCode ? 1 : 0) + (given.unitCode ? 1 : 0) !== 1) throw invalid(field, 'must name exactly one of departmentCode or unitCode');
    if (given.departmentCode) {
      // An unknown department would leave an appeal that no one can sign for.
      if (!(await this.copy.get('department', given.departmentCode))?.active) throw invalid(fieldPath(field, 'departmentCode'), `${given.departmentCode} is not an active department of the responsibility list`);
      return { kind: 'department', departmentCode: given.departmentCode };
    }
    const unit = await this.copy.get('unit', given.unitCode!);
    // A unit outside the caller's scope is answered like an unknown one: the hotline dispatches within its own area.
    if (!unit || !scopeCovers(caller, unit.path)) throw invalid(fieldPath(field, 'unitCode'), `${given.unitCode} is not a unit of the map ${where}`);
    return { kind: 'unit', unitCode: unit.code, level: unit.level === 'exclusive_grid' ? 'grid' : unit.level };
  }
}
