import { Injectable } from '@nestjs/common';
import type { CategoryTreeView } from '@gridline/contracts-registry';
import { categoryNotFound } from '../../responsibility.errors';
import { toCategoryView } from '../../responsibility.mapper';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { GetCategoryQuery } from './get-category.query';

/** A category with its children (a major category's minor ones). */
@Injectable()
export class GetCategoryUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async execute({ code }: GetCategoryQuery): Promise<CategoryTreeView> {
    const category = await this.list.findCategory(code);
    if (!category) throw categoryNotFound(code);
    return { ...toCategoryView(category), children: (await this.list.childrenOf(code)).map(toCategoryView) };
  }
}
