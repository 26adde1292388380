import { Inject, Injectable } from '@nestjs/common';
import { APPEAL_TAKERS, mayBackdate, requireRole, type Caller } from '@gridline/auth';
import { PersonalDataCipher, TransactionRunner } from '@gridline/persistence';
import { activeCategory } from '../../../reference/active-category';
import { ReferenceRepository, RegistryReference } from '@gridline/registry-reference';
import type { IntakeResult } from '@gridline/contracts-hotline';
import { HOTLINE_CONFIG, HotlineConfig } from '../../../hotline.config';
import { AppealJournal } from '../../appeal-journal';
import { AppealRepository } from '../../appeal.repository';
import { appealInvalid } from '../../appeal.errors';
import type { IntakeAppealCommand } from './intake-appeal.command';
import { namesOf, toAppealView } from '../../appeal.mapper';
import { appealsInScope } from '../../appeal-process';
import { AppealPlaceLocator } from '../../appeal-place';
import { RelatedAppeals } from '../../related-appeals';

const HOUR = 3_600_000;
/** How far back a call taken earlier may be recorded, and how far ahead a clock may run (skew). */
const BACKDATE_DAYS = 90;
const CLOCK_SKEW_MS = 60_000;

/**
 * Takes an appeal: the caller's name and phone encrypted (the phone's keyed hash kept to find repeats), the place
 * located in a grid when it can be, the dispatch clock started, and earlier appeals of the same caller or place
 * shown to the operator (RelatedAppeals).
 */
@Injectable()
export class IntakeAppealUseCase {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly transactions: TransactionRunner,
    private readonly cipher: PersonalDataCipher,
    private readonly places: AppealPlaceLocator,
    private readonly related: RelatedAppeals,
    private readonly reference: RegistryReference,
    private readonly copy: ReferenceRepository,
    private readonly journal: AppealJournal,
    @Inject(HOTLINE_CONFIG) private readonly config: HotlineConfig,
  ) {}

  async execute({ caller, appeal: input }: IntakeAppealCommand): Promise<IntakeResult> {
    requireRole(caller, APPEAL_TAKERS, 'take appeals');
    const anonymous = input.caller?.anonymous ?? false;
    if (anonymous && (input.caller?.name || input.caller?.phone)) {
      throw appealInvalid('caller.anonymous', 'excludes a name or phone');
    }
    const receivedAt = this.receivedAt(caller, input.receivedAt);
    if (input.categoryCode) {
      await this.reference.prefetch({ category: [input.categoryCode] });
      activeCategory(await this.copy.get('category', input.categoryCode), input.categoryCode);
    }
    const { lat, lng } = input.location ?? {};
    const place = lat !== undefined && lng !== undefined ? await this.places.locate(lat, lng) : null;
    const gridCode = place?.gridCode ?? null;
    const path = place?.path ?? caller.units.slice(0, 1);
    // The units of the place, for the owners a dispatch takes from them and for their names: in the copy before the transaction.
    if (gridCode) await this.reference.prefetch({ unit: path });
    const phoneIndex = input.caller?.phone ? this.cipher.blindIndex('phone', input.caller.phone) : null;
    const urgency = input.urgency ?? 'general';
    const hours = { emergency: this.config.HOTLINE_DISPATCH_HOURS_EMERGENCY, utilities: this.config.HOTLINE_DISPATCH_HOURS_UTILITIES, general: this.config.HOTLINE_DISPATCH_HOURS_GENERAL }[urgency];
    const appeal = await this.transactions.run(async () => {
      const takenAt = receivedAt ?? new Date();
      const history = receivedAt !== null && mayBackdate(caller);
      // A flag informs the operators of its scope: the new appeal inherits only flags the taking caller may see.
      const flagged = phoneIndex ? await this.appeals.exists({ callerPhoneIndex: phoneIndex, flagged: true, ...appealsInScope(caller) }) : false;
      const entity = this.appeals.build({
        workOrder: await this.appeals.nextWorkOrder(takenAt),
        status: 'received',
        channel: input.channel,
        type: input.type,
        callerNameEnc: input.caller?.name ? this.cipher.encrypt(input.caller.name) : null,
        callerPhoneEnc: input.caller?.phone ? this.cipher.encrypt(input.caller.phone) : null,
        callerPhoneIndex: phoneIndex,
        anonymous,
        flagged,
        content: input.content,
        categoryCode: input.categoryCode ?? null,
        lat: lat ?? null,
        lng: lng ?? null,
        address: input.location?.address ?? null,
        gridCode,
        path,
        urgency,
        operator: caller.sub,
        dispatchDueAt: new Date(takenAt.getTime() + hours * HOUR),
        receivedAt: takenAt,
        // The seed's history changed last when the call was taken: supervision looks at it a while from now (see the
        // scheduler). An operator's call recorded later is looked at at once (overdue for dispatch, if it is).
        updatedAt: history ? takenAt : new Date(),
      });
      const comment = receivedAt ? `Call taken at ${receivedAt.toISOString()}, recorded later` : null;
      // The appeal, its first entry and its event: one statement, nothing of the unit of work to compute.
      await this.appeals.insert(entity, this.journal.firstEntry(entity, { action: 'intake', actor: caller.sub, from: null, comment, ...(history ? { at: takenAt } : {}) }, 'received'));
      return entity;
    });
    return { appeal: toAppealView(appeal, caller, this.cipher, await this.copy.names(namesOf([appeal]))), related: await this.related.of(caller, { phoneIndex, categoryCode: appeal.categoryCode, gridCode, except: appeal.id }) };
  }

  /**
   * A call taken earlier and recorded now (e.g. after an outage of the system): only the hotline's own operators
   * may say so, not in the future and at most 90 days back. Its dispatch limit counts from then.
   */
  private receivedAt(caller: Caller, given: string | undefined): Date | null {
    if (given === undefined) return null;
    requireRole(caller, ['hotline_operator', 'admin'], 'record a call taken earlier (receivedAt)');
    const at = new Date(given);
    const now = Date.now();
    const reasons = at.getTime() > now + CLOCK_SKEW_MS ? ['must not be in the future'] : at.getTime() < now - BACKDATE_DAYS * 86_400_000 ? [`must be at most ${BACKDATE_DAYS} days back`] : [];
    if (reasons.length > 0) throw appealInvalid('receivedAt', reasons);
    return at;
  }
}
