import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { EventPublisher } from '@gridline/messaging';
import { REGISTRY_EVENTS, RegistryErrorCode, type CategoryView } from '@gridline/contracts-registry';
import { CategoryEntity } from '../../category.entity';
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
    private readonly events: EventPublisher,
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
    return this.list.transactional(async (em) => {
      if (input.parentCode) {
        const parent = await em.findOne(CategoryEntity, { code: input.parentCode });
        if (!parent || parent.parentCode) throw categoryInvalid('parentCode', `${input.parentCode} is not a major category`);
      }
      const category = em.create(CategoryEntity, {
        code: input.code,
        name: input.name.trim(),
        parentCode: input.parentCode ?? null,
        acceptLimit: input.acceptLimit ? limitOf(input.acceptLimit) : null,
        handleLimit: input.handleLimit ? limitOf(input.handleLimit) : null,
        urgency: input.urgency ?? 'normal',
      });
      if (input.owner) await applyOwner(em, category, input.owner);
      if (input.details) category.details = detailsOf(category, input.details);
      assertComplete(category);
      em.persist(category);
      const view = toCategoryView(category);
      this.events.record(em, REGISTRY_EVENTS.categoryChanged, category.code, { category: view });
      await em.flush();
      return view;
    });
  }
}
