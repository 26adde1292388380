import { Outbox } from '@gridline/messaging';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@gridline/persistence';
import { REGISTRY_EVENTS, type DepartmentView } from '@gridline/contracts-registry';
import { departmentNotFound } from '../../responsibility.errors';
import { toDepartmentView } from '../../responsibility.mapper';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { UpdateDepartmentCommand } from './update-department.command';

@Injectable()
export class UpdateDepartmentUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, code, changes }: UpdateDepartmentCommand): Promise<DepartmentView> {
    assertMayKeepList(caller);
    return this.transactions.run(async () => {
      const department = await this.list.findDepartment(code);
      if (!department) throw departmentNotFound(code);
      const before = JSON.stringify(toDepartmentView(department));
      if (changes.name !== undefined) department.name = changes.name.trim();
      if (changes.contact !== undefined) department.contact = changes.contact.trim() || null;
      if (changes.active !== undefined) department.active = changes.active;
      if (JSON.stringify(toDepartmentView(department)) !== before) {
        department.updatedAt = new Date();
        this.outbox.record(REGISTRY_EVENTS.departmentChanged, code, { department: toDepartmentView(department) });
        await this.list.flush();
      }
      return toDepartmentView(department);
    });
  }
}
