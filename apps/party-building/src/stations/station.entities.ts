import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { OpeningPeriod, StationFunction } from '@gridline/contracts-party-building';

/**
 * A grid red station (网格红色驿站): a point resolved to its grid (`gridCode`, `path` street first, for scope), the
 * organisation that runs it, opening hours, its published contact (post and work phone, in clear: meant to be
 * public) and the functions it offers.
 */
@Entity({ tableName: 'station' })
export class StationEntity {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'double' })
  lat!: number;

  @Property({ type: 'double' })
  lng!: number;

  @Property({ type: 'text', nullable: true })
  address!: string | null;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'jsonb' })
  openingHours!: OpeningPeriod[];

  @Property({ type: 'text', nullable: true })
  contactPost!: string | null;

  @Property({ type: 'text', nullable: true })
  contactWorkPhone!: string | null;

  @Property({ type: ArrayType })
  functions!: StationFunction[];

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** One service a station gave: the station's grid and path kept with it (scope, lists per unit). */
@Entity({ tableName: 'station_service_record' })
export class StationServiceEntity {
  [OptionalProps]?: 'incidentId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  stationId!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  function!: StationFunction;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'integer' })
  peopleServed!: number;

  @Property({ type: ArrayType })
  memberIds!: string[];

  /** A mediation's dispute, or the case a social-conditions report became. */
  @Property({ type: 'uuid', nullable: true })
  incidentId: string | null = null;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
