import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, RegistryErrorCode, type CategoryView } from '@gridline/contracts-registry';
import { applyOwner, assertComplete, detailsOf, limitOf } from '../../category-rules';
import { categoryInvalid } from '../../responsibility.errors';
import { toCategoryView } from '../../responsibility.mapper';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { CreateCategoryCommand } from './create-category.command';

/** Adds a major category, or a minor one with its owner and time limits. */
@Injectable()
export class CreateCategoryUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, category: input }: CreateCategoryCommand): Promise<CategoryView> {
    assertMayKeepList(caller);
    const isMinor = input.code.includes('.');
    if (isMinor && !input.parentCode) throw categoryInvalid('parentCode', 'is required for a minor category');
    if (!isMinor && input.parentCode) throw categoryInvalid('parentCode', 'must be empty for a major category (its code has no dot)');
    if (isMinor && !input.code.startsWith(`${input.parentCode}.`)) throw categoryInvalid('code', `must start with its major category ${input.parentCode}.`);
    if (await this.list.findCategory(input.code)) {
      throw new AppError(RegistryErrorCode.CategoryCodeTaken, 'conflict', `A category with code ${input.code} already exists`, { code: input.code });
    }
    return this.transactions.run(async () => {
      if (input.parentCode) {
        const parent = await this.list.findCategory(input.parentCode);
        if (!parent || parent.parentCode) throw categoryInvalid('parentCode', `${input.parentCode} is not a major category`);
      }
      const category = this.list.createCategory({
        code: input.code,
        name: input.name.trim(),
        parentCode: input.parentCode ?? null,
        acceptLimit: input.acceptLimit ? limitOf(input.acceptLimit) : null,
        handleLimit: input.handleLimit ? limitOf(input.handleLimit) : null,
        urgency: input.urgency ?? 'normal',
      });
      if (input.owner) await applyOwner(this.list, category, input.owner);
      if (input.details) category.details = detailsOf(category, input.details);
      assertComplete(category);
      this.list.add(category);
      const view = toCategoryView(category);
      this.outbox.record(REGISTRY_EVENTS.categoryChanged, category.code, { category: view });
      await this.list.flush();
      return view;
    });
  }
}
