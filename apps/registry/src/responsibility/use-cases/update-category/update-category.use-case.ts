import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, type CategoryView } from '@gridline/contracts-registry';
import { applyOwner, assertComplete, detailsOf, limitOf } from '../../category-rules';
import { categoryNotFound } from '../../responsibility.errors';
import { toCategoryView } from '../../responsibility.mapper';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { UpdateCategoryCommand } from './update-category.command';

/** Changes a category's name, owner, limits, urgency or active flag; other services follow by the event. */
@Injectable()
export class UpdateCategoryUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, code, changes }: UpdateCategoryCommand): Promise<CategoryView> {
    assertMayKeepList(caller);
    return this.transactions.run(async () => {
      const category = await this.list.findCategory(code);
      if (!category) throw categoryNotFound(code);
      const before = JSON.stringify(toCategoryView(category));
      if (changes.name !== undefined) category.name = changes.name.trim();
      if (changes.owner !== undefined) await applyOwner(this.list, category, changes.owner);
      if (changes.acceptLimit !== undefined) category.acceptLimit = limitOf(changes.acceptLimit);
      if (changes.handleLimit !== undefined) category.handleLimit = limitOf(changes.handleLimit);
      if (changes.urgency !== undefined) category.urgency = changes.urgency;
      if (changes.active !== undefined) category.active = changes.active;
      if (changes.details !== undefined) category.details = detailsOf(category, changes.details);
      assertComplete(category);
      if (JSON.stringify(toCategoryView(category)) !== before) {
        category.updatedAt = new Date();
        this.outbox.record(REGISTRY_EVENTS.categoryChanged, code, { category: toCategoryView(category) });
        await this.list.flush();
      }
      return toCategoryView(category);
    });
  }
}
