import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@gridline/auth';
import type { RelatedAppeal } from '@gridline/contracts-hotline';
import { HOTLINE_CONFIG, type HotlineConfig } from '../hotline.config';
import type { AppealEntity } from './appeal.entity';
import { AppealRepository } from './appeal.repository';
import { appealsInScope } from './appeal-process';

/** What is known of a call: the phone's keyed hash, the category, the located grid; the appeal itself left out once taken. */
export interface RelatedTo {
  phoneIndex: string | null;
  categoryCode: string | null;
  gridCode: string | null;
  except?: string;
}

const LIMIT = 10;
const DAY = 86_400_000;

/**
 * The related appeals of a call, one rule for intake's answer and for the lookup while the operator types: the same
 * caller's within the repeat window (of the same category, once one is chosen), and the open appeals of the same
 * category in the same grid — among the appeals the asking caller may see, so that no other area's appeal is named.
 */
@Injectable()
export class RelatedAppeals {
  constructor(
    private readonly appeals: AppealRepository,
    @Inject(HOTLINE_CONFIG) private readonly config: HotlineConfig,
  ) {}

  async of(caller: Caller, { phoneIndex, categoryCode, gridCode, except }: RelatedTo): Promise<RelatedAppeal[]> {
    const scope = appealsInScope(caller);
    const since = new Date(Date.now() - this.config.HOTLINE_REPEAT_DAYS * DAY);
    const category = categoryCode ? { categoryCode } : {};
    const notThese = (ids: string[]) => (ids.length > 0 ? { id: { $nin: ids } } : {});
    const sameCaller = phoneIndex
      ? await this.appeals.find({ callerPhoneIndex: phoneIndex, ...category, receivedAt: { $gte: since }, ...notThese(except ? [except] : []), ...scope }, { limit: LIMIT })
      : [];
    const shown = [...(except ? [except] : []), ...sameCaller.map((a) => a.id)];
    const samePlace =
      gridCode && categoryCode ? await this.appeals.find({ gridCode, categoryCode, status: { $nin: ['closed', 'merged'] }, ...notThese(shown), ...scope }, { limit: LIMIT }) : [];
    return [...sameCaller.map((a) => view(a, 'same_caller')), ...samePlace.map((a) => view(a, 'same_place'))];
  }
}

const view = (appeal: AppealEntity, reason: RelatedAppeal['reason']): RelatedAppeal => ({
  id: appeal.id,
  workOrder: appeal.workOrder,
  reason,
  status: appeal.status,
  categoryCode: appeal.categoryCode,
  content: appeal.content,
  address: appeal.address,
  receivedAt: appeal.receivedAt.toISOString(),
});
