import { Injectable } from '@nestjs/common';
import { LockMode, raw, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { greatCircleMetresSql } from '@gridline/persistence';
import { offsetPage, pageOffset, type OffsetPage } from '@gridline/platform';
import { Outbox } from '@gridline/messaging';
import {
  PARTY_BUILDING_EVENTS,
  STATION_FUNCTIONS,
  type ListStationServicesQuery,
  type ListStationsQuery,
  type StationServiceCountsQuery,
  type StationServiceCountsView,
  type StationFunction,
} from '@gridline/contracts-party-building';
import { StationServiceEntity, StationEntity } from './station.entities';
import { toCaseOpenedEventData, toServiceRecordedEventData, toStationEventData } from './station.mapper';

/** Red stations and their service records, in the caller's unit of work; events through the Outbox. */
@Injectable()
export class StationRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly events: Outbox,
  ) {}

  /** A new station with its `station.created` event. */
  add(data: RequiredEntityData<StationEntity>): StationEntity {
    const station = this.em.create(StationEntity, data);
    this.em.persist(station);
    this.events.record(PARTY_BUILDING_EVENTS.stationCreated, station.id, toStationEventData(station, []));
    return station;
  }

  /** Records `station.updated` for a changed station. */
  changed(station: StationEntity, fields: string[]): void {
    station.updatedAt = new Date();
    this.events.record(PARTY_BUILDING_EVENTS.stationUpdated, station.id, toStationEventData(station, fields));
  }

  /** A new service record with its `station.service_recorded` event (aggregate: the station, so its events keep order). */
  addRecord(data: RequiredEntityData<StationServiceEntity>): StationServiceEntity {
    const record = this.em.create(StationServiceEntity, data);
    this.em.persist(record);
    this.events.record(PARTY_BUILDING_EVENTS.stationServiceRecorded, record.stationId, toServiceRecordedEventData(record));
    return record;
  }

  /** The case a social-conditions record became, on the record, with `station.case_opened`. */
  caseOpened(record: StationServiceEntity, incidentId: string, workOrder: string): void {
    record.incidentId = incidentId;
    this.events.record(PARTY_BUILDING_EVENTS.stationCaseOpened, record.stationId, toCaseOpenedEventData(record, workOrder));
  }

  async save(): Promise<void> {
    await this.em.flush();
  }

  findById(id: string): Promise<StationEntity | null> {
    return this.em.findOne(StationEntity, { id });
  }

  lock(id: string): Promise<StationEntity | null> {
    return this.em.findOne(StationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findRecord(id: string): Promise<StationServiceEntity | null> {
    return this.em.findOne(StationServiceEntity, { id });
  }

  lockRecord(id: string): Promise<StationServiceEntity | null> {
    return this.em.findOne(StationServiceEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Stations in grids within `units` (null: everywhere), by the list's filters. */
  async page(units: string[] | null, query: ListStationsQuery): Promise<OffsetPage<StationEntity>> {
    const where: FilterQuery<StationEntity>[] = [];
    if (units) where.push({ path: { $overlap: units } });
    if (query.unit) where.push({ path: { $contains: [query.unit] } });
    if (query.function) where.push({ functions: { $contains: [query.function] } });
    if (query.active !== undefined) where.push({ active: query.active });
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(StationEntity, where.length ? { $and: where } : {}, { orderBy: { gridCode: 'asc', name: 'asc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** The `limit` active stations nearest to a point by great-circle distance, nearest first, with their distances. */
  async nearest(point: { lat: number; lng: number }, limit: number): Promise<{ station: StationEntity; distance: number }[]> {
    const schema = this.em.config.get('schema');
    const distance = greatCircleMetresSql('lat', 'lng', point);
    const rows = await this.em.execute<{ id: string; distance: number }[]>(
      `select id, ${distance.sql} as distance from "${schema}"."station" where active order by distance asc, id asc limit ?`,
      [...distance.params, limit],
    );
    const stations = new Map((await this.em.find(StationEntity, { id: { $in: rows.map((r) => r.id) } })).map((s) => [s.id, s]));
    return rows.filter((r) => stations.has(r.id)).map((r) => ({ station: stations.get(r.id)!, distance: Number(r.distance) }));
  }

  /** Records within `units` (null: everywhere), newest day first. */
  async pageRecords(units: string[] | null, query: ListStationServicesQuery): Promise<OffsetPage<StationServiceEntity>> {
    const { limit, offset } = pageOffset(query);
    const [items, total] = await this.em.findAndCount(StationServiceEntity, recordFilter(units, query), { orderBy: { date: 'desc', createdAt: 'desc', id: 'asc' }, limit, offset });
    return offsetPage(items, total, query);
  }

  /** Records and people served per function over the records within `units` the query selects. */
  async counts(units: string[] | null, query: StationServiceCountsQuery): Promise<StationServiceCountsView> {
    const rows: { function: StationFunction; records: string; people: string }[] = await this.em
      .createQueryBuilder(StationServiceEntity)
      .select(['function', raw('count(*) as records'), raw('coalesce(sum(people_served), 0) as people')])
      .where(recordFilter(units, query))
      .groupBy('function')
      .execute('all', false);
    const byFunction = Object.fromEntries(STATION_FUNCTIONS.map((f) => [f, { records: 0, peopleServed: 0 }])) as StationServiceCountsView['byFunction'];
    for (const row of rows) byFunction[row.function] = { records: Number(row.records), peopleServed: Number(row.people) };
    const all = Object.values(byFunction);
    return { byFunction, records: all.reduce((n, c) => n + c.records, 0), peopleServed: all.reduce((n, c) => n + c.peopleServed, 0) };
  }
}

function recordFilter(units: string[] | null, query: StationServiceCountsQuery & { function?: StationFunction }): { $and?: FilterQuery<StationServiceEntity>[] } {
  const where: FilterQuery<StationServiceEntity>[] = [];
  if (units) where.push({ path: { $overlap: units } });
  if (query.unit) where.push({ path: { $contains: [query.unit] } });
  if (query.stationId) where.push({ stationId: query.stationId });
  if (query.function) where.push({ function: query.function });
  if (query.from) where.push({ date: { $gte: query.from } });
  if (query.to) where.push({ date: { $lte: query.to } });
  return where.length ? { $and: where } : {};
}
