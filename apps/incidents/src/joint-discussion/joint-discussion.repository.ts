import { Injectable } from '@nestjs/common';
import type { RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { JointDiscussionEntity } from './joint-discussion.entity';

/** The "3+N" joint discussions of cases, read and written in the caller's unit of work. */
@Injectable()
export class JointDiscussionRepository {
  constructor(private readonly em: EntityManager) {}

  /** A new discussion, persisted with the transaction. */
  add(data: RequiredEntityData<JointDiscussionEntity>): JointDiscussionEntity {
    const discussion = this.em.create(JointDiscussionEntity, data);
    this.em.persist(discussion);
    return discussion;
  }

  /** A case's discussions, oldest first. */
  ofIncident(incidentId: string): Promise<JointDiscussionEntity[]> {
    return this.em.find(JointDiscussionEntity, { incidentId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Writes the changes of this unit of work now. */
  async save(): Promise<void> {
    await this.em.flush();
  }
}
