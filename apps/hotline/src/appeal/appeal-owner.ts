import { Injectable } from '@nestjs/common';
import type { AppealOwner, OwnerSuggestion } from '@gridline/contracts-hotline';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { AppealEntity } from './appeal.entity';

/**
 * Who the responsibility list gives an appeal to when the dispatcher names nobody (DOMAIN.md, 兜底): the category's
 * department; or the level it names (grid, community) at the appeal's located grid; else — no category, no owner,
 * or a level owner without a place — the appeal's street.
 */
@Injectable()
export class DefaultAppealOwner {
  constructor(private readonly copy: ReferenceRepository) {}

  async of(appeal: Pick<AppealEntity, 'path' | 'categoryCode' | 'gridCode'>): Promise<{ owner: AppealOwner; why: OwnerSuggestion['why'] }> {
    const fallback = { owner: { kind: 'unit', unitCode: appeal.path[0], level: 'street' } as AppealOwner, why: 'street_fallback' as const };
    if (!appeal.categoryCode) return fallback;
    const owner = (await this.copy.get('category', appeal.categoryCode))?.owner;
    if (!owner) return fallback;
    if (owner.departmentCode) return { owner: { kind: 'department', departmentCode: owner.departmentCode }, why: 'category_owner' };
    if (!appeal.gridCode) return fallback; // a level owner needs the place: without it, the street takes it
    if (owner.level === 'grid') return { owner: { kind: 'unit', unitCode: appeal.gridCode, level: 'grid' }, why: 'category_owner' };
    if (owner.level === 'community' && appeal.path.length >= 3) return { owner: { kind: 'unit', unitCode: appeal.path[1], level: 'community' }, why: 'category_owner' };
    return fallback;
  }
}
