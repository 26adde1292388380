import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { EventPublisher } from '@gridline/messaging';
import { REGISTRY_EVENTS, RegistryErrorCode, type DepartmentView } from '@gridline/contracts-registry';
import { DepartmentEntity } from '../../department.entity';
import { toDepartmentView } from '../../responsibility.mapper';
import { assertMayKeepList } from '../../responsibility-permissions';
import { ResponsibilityRepository } from '../../responsibility.repository';
import type { CreateDepartmentCommand } from './create-department.command';

@Injectable()
export class CreateDepartmentUseCase {
  constructor(
    private readonly list: ResponsibilityRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute({ caller, department }: CreateDepartmentCommand): Promise<DepartmentView> {
    assertMayKeepList(caller);
    if (await this.list.findDepartment(department.code)) {
      throw new AppError(RegistryErrorCode.DepartmentCodeTaken, 'conflict', `A department with code ${department.code} already exists`, { code: department.code });
    }
    return this.list.transactional(async (em) => {
      const entity = em.create(DepartmentEntity, { code: department.code, name: department.name.trim(), contact: department.contact?.trim() || null });
      em.persist(entity);
      const view = toDepartmentView(entity);
      this.events.record(em, REGISTRY_EVENTS.departmentChanged, entity.code, { department: view });
      await em.flush();
      return view;
    });
  }
}
