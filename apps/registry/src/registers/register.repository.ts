import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery, type RequiredEntityData } from '@mikro-orm/postgresql';
import { isUnrestricted, type Caller } from '@gridline/auth';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { containsPattern } from '@gridline/persistence';
import type { RegisterKind, RegisterListQuery, ResidentSearchQuery } from '@gridline/contracts-registry';
import { AuditLogEntity, BuildingEntity, BusinessEntity, HouseholdEntity, ResidentEntity } from './register.entities';

type Scoped = BuildingEntity | HouseholdEntity | ResidentEntity | BusinessEntity;
type ScopedClass<T extends Scoped> = new () => T;

const ENTITIES = { building: BuildingEntity, household: HouseholdEntity, resident: ResidentEntity, business: BusinessEntity } as const;

/** A grid's or an exclusive grid's code: 15 digits, the last unit of a path (no level lies beneath a grid). */
const GRID_CODE = /^\d{15}$/;

/**
 * The caller's scope as a condition on a record. A record's path is its grid's, so for a caller whose units are all
 * grids `path && units` holds exactly when `grid_code` is one of them: that form is read through the indexes led by
 * the grid (a grid's residents in the list's order, its buildings and households by address) instead of a bitmap of
 * the path index sorted afterwards, which grows with the grid (docs/BENCHMARKS.md, "Residents: lookups at city size").
 */
function scopeOf(caller: Caller): FilterQuery<Scoped> {
  if (caller.units.length > 0 && caller.units.every((unit) => GRID_CODE.test(unit))) return { gridCode: { $in: caller.units } };
  return { path: { $overlap: caller.units } };
}

/** Reads and writes of the registers; every list is cut to the caller's scope here. */
@Injectable()
export class RegisterRepository {
  constructor(private readonly em: EntityManager) {}

  findOne<T extends Scoped>(cls: ScopedClass<T>, id: string): Promise<T | null> {
    return this.em.findOne(cls, { id } as FilterQuery<T>);
  }

  /** A record of any kind by its id. */
  findRecord(kind: RegisterKind, id: string): Promise<Scoped | null> {
    return this.findOne(ENTITIES[kind] as ScopedClass<Scoped>, id);
  }

  findBuildingAt(gridCode: string, address: string): Promise<BuildingEntity | null> {
    return this.em.findOne(BuildingEntity, { gridCode, address });
  }

  findHouseholdAt(gridCode: string, address: string, room: string): Promise<HouseholdEntity | null> {
    return this.em.findOne(HouseholdEntity, { gridCode, address, room });
  }

  findResidentByIdIndex(index: string): Promise<ResidentEntity | null> {
    return this.em.findOne(ResidentEntity, { idNumberIndex: index });
  }

  findBusinessByCreditCode(creditCode: string): Promise<BusinessEntity | null> {
    return this.em.findOne(BusinessEntity, { creditCode });
  }

  membersOf(householdId: string): Promise<ResidentEntity[]> {
    return this.em.find(ResidentEntity, { householdId }, { orderBy: { birthDate: 'asc' } });
  }

  /** Buildings in the caller's scope, by address (`q`: part of the address). */
  listBuildings(caller: Caller, query: RegisterListQuery): Promise<OffsetPage<BuildingEntity>> {
    return this.page(BuildingEntity, caller, query, query.q ? [{ address: { $ilike: containsPattern(query.q) } }] : [], { address: 'asc' });
  }

  /** Households in the caller's scope, by address and room (`q`: part of the address). */
  listHouseholds(caller: Caller, query: RegisterListQuery): Promise<OffsetPage<HouseholdEntity>> {
    return this.page(HouseholdEntity, caller, query, query.q ? [{ address: { $ilike: containsPattern(query.q) } }] : [], { address: 'asc', room: 'asc' });
  }

  /** Businesses in the caller's scope, by name (`q`: part of the name). */
  listBusinesses(caller: Caller, query: RegisterListQuery): Promise<OffsetPage<BusinessEntity>> {
    return this.page(BusinessEntity, caller, query, query.q ? [{ name: { $ilike: containsPattern(query.q) } }] : [], { name: 'asc' });
  }

  /**
   * Residents in the caller's scope matching the search: part of the name, a tag, a household, and the exact ID number
   * or phone through their keyed hashes (the caller's to compute: the database never sees the number itself).
   */
  searchResidents(caller: Caller, query: ResidentSearchQuery, hashes: { idNumberIndex?: string; phoneIndex?: string }): Promise<OffsetPage<ResidentEntity>> {
    const filters: FilterQuery<ResidentEntity>[] = [];
    if (hashes.idNumberIndex) filters.push({ idNumberIndex: hashes.idNumberIndex });
    if (hashes.phoneIndex) filters.push({ phoneIndex: hashes.phoneIndex });
    if (query.q) filters.push({ name: { $ilike: containsPattern(query.q) } });
    if (query.tag) filters.push({ tags: { $contains: [query.tag] } });
    if (query.householdId) filters.push({ householdId: query.householdId });
    return this.page(ResidentEntity, caller, query, filters);
  }

  /** One page of records of a kind in the caller's scope, narrowed by unit and extra filters. */
  private async page<T extends Scoped>(
    cls: ScopedClass<T>,
    caller: Caller,
    query: RegisterListQuery,
    filters: FilterQuery<T>[] = [],
    orderBy: Record<string, 'asc' | 'desc'> = { createdAt: 'asc' },
  ): Promise<OffsetPage<T>> {
    const where: FilterQuery<T>[] = [...filters];
    if (!isUnrestricted(caller)) where.push(scopeOf(caller) as FilterQuery<T>);
    if (query.unit) where.push({ path: { $contains: [query.unit] } } as FilterQuery<T>);
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(cls, (where.length ? { $and: where } : {}) as FilterQuery<T>, {
      orderBy: { ...orderBy, id: 'asc' } as never,
      limit,
      offset,
    });
    return offsetPage(items, total, query);
  }

  async audit(query: { subjectId?: string; actor?: string; page?: number; pageSize?: number }): Promise<OffsetPage<AuditLogEntity>> {
    const where: FilterQuery<AuditLogEntity> = {
      ...(query.subjectId ? { subjectId: query.subjectId } : {}),
      ...(query.actor ? { actor: query.actor } : {}),
    };
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(AuditLogEntity, where, { orderBy: { at: 'desc', id: 'desc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /**
   * Keeps the day a household was last visited: only a household the registers still hold, and an older visit
   * arriving late does not move the day back. The household's grid, or null when it is not (any longer) registered.
   */
  async recordVisit(householdId: string, date: string): Promise<string | null> {
    const s = `"${this.em.config.get('schema')}"`;
    const rows: { grid_code: string }[] = await this.em.execute(
      `with visited as (
         insert into ${s}.household_visit (household_id, last_visited_on)
         select id, ?::date from ${s}.household where id = ?
         on conflict (household_id) do update set last_visited_on = greatest(household_visit.last_visited_on, excluded.last_visited_on)
         returning household_id
       )
       select h.grid_code from visited join ${s}.household h on h.id = visited.household_id`,
      [date, householdId],
    );
    return rows[0]?.grid_code ?? null;
  }

  countHouseholdsIn(buildingId: string): Promise<number> {
    return this.em.count(HouseholdEntity, { buildingId });
  }

  countMembersOf(householdId: string): Promise<number> {
    return this.em.count(ResidentEntity, { householdId });
  }

  addBuilding(data: RequiredEntityData<BuildingEntity>): BuildingEntity {
    return this.added(this.em.create(BuildingEntity, data));
  }

  addHousehold(data: RequiredEntityData<HouseholdEntity>): HouseholdEntity {
    return this.added(this.em.create(HouseholdEntity, data));
  }

  addResident(data: RequiredEntityData<ResidentEntity>): ResidentEntity {
    return this.added(this.em.create(ResidentEntity, data));
  }

  addBusiness(data: RequiredEntityData<BusinessEntity>): BusinessEntity {
    return this.added(this.em.create(BusinessEntity, data));
  }

  /** An entry of the audit log, to be stored by the next flush. */
  addAuditEntry(data: RequiredEntityData<AuditLogEntity>): AuditLogEntity {
    return this.added(this.em.create(AuditLogEntity, data));
  }

  /** Deletes a record at once; a resident stops being the head of any household first. */
  async deleteRecord(kind: RegisterKind, id: string): Promise<void> {
    if (kind === 'resident') await this.em.nativeUpdate(HouseholdEntity, { headResidentId: id }, { headResidentId: null });
    await this.em.nativeDelete(ENTITIES[kind] as typeof BuildingEntity, { id });
  }

  /** Writes the changes of the current unit of work (a `TransactionRunner.run`'s, inside one). */
  async flush(): Promise<void> {
    await this.em.flush();
  }

  private added<T extends object>(entity: T): T {
    this.em.persist(entity);
    return entity;
  }
}
