import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager, type FilterQuery, type RequiredEntityData } from '@mikro-orm/postgresql';
import type { GridRole } from '@gridline/contracts-registry';
import { UnitEntity } from '../unit/unit.entity';
import { AssignmentEntity } from './assignment.entity';
import { PersonEntity } from './person.entity';

/** All reads and writes of people and their assignments (and the unit look-ups they need). */
@Injectable()
export class PeopleRepository {
  constructor(private readonly em: EntityManager) {}

  findPerson(id: string): Promise<PersonEntity | null> {
    return this.em.findOne(PersonEntity, { id });
  }

  async findPersons(ids: readonly string[]): Promise<PersonEntity[]> {
    return ids.length === 0 ? [] : this.em.find(PersonEntity, { id: { $in: [...new Set(ids)] } });
  }

  findAssignment(id: string): Promise<AssignmentEntity | null> {
    return this.em.findOne(AssignmentEntity, { id });
  }

  /** Every assignment of the person, past, current and planned. */
  assignmentsOfPerson(personId: string): Promise<AssignmentEntity[]> {
    return this.em.find(AssignmentEntity, { personId }, { orderBy: { startsOn: 'asc', unitCode: 'asc' } });
  }

  /** The paths of the units of the person's assignments (a unit gone from the map counts as its code alone). */
  async unitPathsOfPerson(personId: string): Promise<string[][]> {
    const assignments = await this.assignmentsOfPerson(personId);
    const codes = [...new Set(assignments.map((a) => a.unitCode))];
    const paths = new Map((codes.length === 0 ? [] : await this.em.find(UnitEntity, { code: { $in: codes } })).map((u) => [u.code, u.path]));
    return codes.map((code) => paths.get(code) ?? [code]);
  }

  /** Assignments on exactly this unit, of one role if given; only those active on `activeOn` if given. */
  assignmentsOnUnit(unitCode: string, filter: { role?: GridRole; activeOn?: string }): Promise<AssignmentEntity[]> {
    const where: FilterQuery<AssignmentEntity>[] = [{ unitCode }];
    if (filter.role) where.push({ role: filter.role });
    if (filter.activeOn) where.push(activeOn(filter.activeOn));
    return this.em.find(AssignmentEntity, { $and: where }, { orderBy: { startsOn: 'asc' } });
  }

  /** Assignments on any of the units that are active on the day. */
  async activeAssignmentsOn(unitCodes: readonly string[], day: string): Promise<AssignmentEntity[]> {
    if (unitCodes.length === 0) return [];
    return this.em.find(AssignmentEntity, { $and: [{ unitCode: { $in: [...unitCodes] } }, activeOn(day)] });
  }

  findUnit(code: string): Promise<UnitEntity | null> {
    return this.em.findOne(UnitEntity, { code });
  }

  async findUnits(codes: readonly string[]): Promise<UnitEntity[]> {
    return codes.length === 0 ? [] : this.em.find(UnitEntity, { code: { $in: [...new Set(codes)] } });
  }

  /** Active grids and exclusive grids whose path contains the unit: the unit itself if it is one, and those beneath it. */
  activeGridsAtOrBeneath(code: string): Promise<UnitEntity[]> {
    return this.em.find(
      UnitEntity,
      { path: { $contains: [code] }, level: { $in: ['grid', 'exclusive_grid'] }, active: true },
      { orderBy: { code: 'asc' } },
    );
  }

  /** The person's row locked until the transaction ends: assignments of one person are decided one at a time. */
  lockPerson(id: string): Promise<PersonEntity | null> {
    return this.em.findOne(PersonEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  lockAssignment(id: string): Promise<AssignmentEntity | null> {
    return this.em.findOne(AssignmentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** An assignment of the same person, role and unit whose period shares a day with the given one. */
  findOverlapping(
    candidate: { personId: string; unitCode: string; role: GridRole; startsOn: string; endsOn: string | null },
  ): Promise<AssignmentEntity | null> {
    const where: FilterQuery<AssignmentEntity>[] = [
      { personId: candidate.personId, unitCode: candidate.unitCode, role: candidate.role },
      { $or: [{ endsOn: null }, { endsOn: { $gte: candidate.startsOn } }] },
    ];
    if (candidate.endsOn !== null) where.push({ startsOn: { $lte: candidate.endsOn } });
    return this.em.findOne(AssignmentEntity, { $and: where }, { orderBy: { startsOn: 'asc' } });
  }

  /** The person made from another service's record (`source`), locked for the transaction: one person per record. */
  lockPersonBySource(source: string): Promise<PersonEntity | null> {
    return this.em.findOne(PersonEntity, { source }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The assignment made from another service's record (`source`), locked for the transaction. */
  lockAssignmentBySource(source: string): Promise<AssignmentEntity | null> {
    return this.em.findOne(AssignmentEntity, { source }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The person whose login account this is, if any. */
  findPersonByAccount(account: string): Promise<PersonEntity | null> {
    return this.em.findOne(PersonEntity, { account });
  }

  /**
   * Grid staff assignments (past, current and planned) with their person, by assignment id after `afterId`, at most
   * `limit`; only those of `personIds` when given.
   */
  async gridStaffAssignments(afterId: string | null, limit: number, personIds?: readonly string[]): Promise<{ assignment: AssignmentEntity; person: PersonEntity }[]> {
    const where: FilterQuery<AssignmentEntity> = { role: 'grid_staff', ...(afterId ? { id: { $gt: afterId } } : {}), ...(personIds ? { personId: { $in: [...personIds] } } : {}) };
    const assignments = await this.em.find(AssignmentEntity, where, { orderBy: { id: 'asc' }, limit });
    const persons = new Map((await this.findPersons(assignments.map((a) => a.personId))).map((p) => [p.id, p]));
    return assignments.flatMap((assignment) => {
      const person = persons.get(assignment.personId);
      return person ? [{ assignment, person }] : [];
    });
  }

  /** A new person, to be stored by the next flush. */
  addPerson(data: RequiredEntityData<PersonEntity>): PersonEntity {
    const person = this.em.create(PersonEntity, data);
    this.em.persist(person);
    return person;
  }

  /** A new assignment, to be stored by the next flush. */
  addAssignment(data: RequiredEntityData<AssignmentEntity>): AssignmentEntity {
    const assignment = this.em.create(AssignmentEntity, data);
    this.em.persist(assignment);
    return assignment;
  }

  /** Writes the changes of the current unit of work (a `TransactionRunner.run`'s, inside one). */
  async flush(): Promise<void> {
    await this.em.flush();
  }
}

function activeOn(day: string): FilterQuery<AssignmentEntity> {
  return { startsOn: { $lte: day }, $or: [{ endsOn: null }, { endsOn: { $gte: day } }] };
}
