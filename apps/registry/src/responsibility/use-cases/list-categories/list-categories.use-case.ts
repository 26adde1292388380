import { Injectable } from '@nestjs/common';
import type { CategoryTreeView } from '@gridline/contracts-registry';
import { toCategoryView } from '../../responsibility.mapper';
import { ResponsibilityRepository } from '../../responsibility.repository';

/** The category tree: each major category with its minor ones. */
@Injectable()
export class ListCategoriesUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async execute(): Promise<CategoryTreeView[]> {
    const all = (await this.list.listCategories()).map(toCategoryView);
    return all.filter((c) => c.kind === 'major').map((major) => ({ ...major, children: all.filter((c) => c.parentCode === major.code) }));
  }
}
