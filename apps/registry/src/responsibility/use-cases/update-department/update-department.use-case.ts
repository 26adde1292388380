import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@gridline/messaging';
import { REGISTRY_EVENTS, type DepartmentView } from '@gridline/contracts-registry';
import { DepartmentEntity } from '../../department.entity';
import { departmentNotFound } from '../../responsibility.errors';
import { toDepartmentView } from '../../responsibility.mapper';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { UpdateDepartmentCommand } from './update-department.command';

@Injectable()
export class UpdateDepartmentUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute({ caller, code, changes }: UpdateDepartmentCommand): Promise<DepartmentView> {
    assertMayKeepList(caller);
    return this.list.transactional(async (em) => {
      const department = await em.findOne(DepartmentEntity, { code });
      if (!department) throw departmentNotFound(code);
      const before = JSON.stringify(toDepartmentView(department));
      if (changes.name !== undefined) department.name = changes.name.trim();
      if (changes.contact !== undefined) department.contact = changes.contact.trim() || null;
      if (changes.active !== undefined) department.active = changes.active;
      if (JSON.stringify(toDepartmentView(department)) !== before) {
        department.updatedAt = new Date();
        this.events.record(em, REGISTRY_EVENTS.departmentChanged, code, { department: toDepartmentView(department) });
        await em.flush();
      }
      return toDepartmentView(department);
    });
  }
}
