import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, RegistryErrorCode, type DepartmentView } from '@gridline/contracts-registry';
import { toDepartmentView } from '../../responsibility.mapper';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { CreateDepartmentCommand } from './create-department.command';

@Injectable()
export class CreateDepartmentUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, department }: CreateDepartmentCommand): Promise<DepartmentView> {
    assertMayKeepList(caller);
    if (await this.list.findDepartment(department.code)) {
      throw new AppError(RegistryErrorCode.DepartmentCodeTaken, 'conflict', `A department with code ${department.code} already exists`, { code: department.code });
    }
    return this.transactions.run(async () => {
      const entity = this.list.addDepartment({ code: department.code, name: department.name.trim(), contact: department.contact?.trim() || null });
      const view = toDepartmentView(entity);
      this.outbox.record(REGISTRY_EVENTS.departmentChanged, entity.code, { department: view });
      await this.list.flush();
      return view;
    });
  }
}
