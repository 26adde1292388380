import { Injectable } from '@nestjs/common';
import type { DepartmentView } from '@gridline/contracts-registry';
import { toDepartmentView } from '../../responsibility.mapper';
import { ResponsibilityRepository } from '../../responsibility.repository';

/** The departments of the responsibility list, as anyone signed in may read them. */
@Injectable()
export class ListDepartmentsUseCase {
  constructor(private readonly list: ResponsibilityRepository) {}

  async execute(): Promise<DepartmentView[]> {
    return (await this.list.listDepartments()).map(toDepartmentView);
  }
}
