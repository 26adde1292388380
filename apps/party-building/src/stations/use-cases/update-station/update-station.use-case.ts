import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { ReferenceRepository } from '@gridline/registry-reference';
import { partyInvalid, type StationView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { problemError, stationNotFound } from '../../station.errors';
import { toStationView } from '../../station.mapper';
import { StationPlacement } from '../../station-placement';
import { StationRepository } from '../../station.repository';
import { openingHoursProblem, sortedOpeningHours } from '../../station-rules';
import type { UpdateStationCommand } from './update-station.command';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes a station the caller keeps. A new point is resolved again (it may move the station to another grid of
 * the caller's, whose path the organisation must still be on); `active: false` deactivates it. Answers the station
 * as it now is; nothing changed records no event.
 */
@Injectable()
export class UpdateStationUseCase {
  constructor(
    private readonly stations: StationRepository,
    private readonly placement: StationPlacement,
    private readonly units: ReferenceRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, id, changes }: UpdateStationCommand): Promise<StationView> {
    requireRole(caller, PARTY_KEEPERS, 'change red stations');
    if (Object.values(changes).every((v) => v === undefined)) throw partyInvalid('body', 'must change at least one field');
    if (changes.openingHours) {
      const hours = openingHoursProblem(changes.openingHours);
      if (hours) throw problemError(hours);
    }
    const movedTo = changes.location ? await this.placement.gridAt(changes.location) : null;
    return this.transactions.run(async () => {
      const station = await this.stations.lock(id);
      if (!station || !PartyScope.keeps(caller, station.path)) throw stationNotFound(id);
      const changed: string[] = [];
      const set = <K extends keyof typeof station>(field: string, key: K, value: (typeof station)[K]) => {
        if (same(station[key], value)) return;
        station[key] = value;
        if (!changed.includes(field)) changed.push(field);
      };
      if (changes.name !== undefined) set('name', 'name', changes.name);
      if (changes.address !== undefined) set('address', 'address', changes.address);
      if (changes.functions) set('functions', 'functions', [...changes.functions]);
      if (changes.openingHours) set('openingHours', 'openingHours', sortedOpeningHours(changes.openingHours));
      if (changes.contact !== undefined) {
        set('contact', 'contactPost', changes.contact?.post ?? null);
        set('contact', 'contactWorkPhone', changes.contact?.workPhone ?? null);
      }
      if (changes.active !== undefined) set('active', 'active', changes.active);
      if (movedTo !== null && changes.location) {
        const grid = await this.placement.keptGrid(caller, movedTo);
        set('location', 'lat', changes.location.lat);
        set('location', 'lng', changes.location.lng);
        set('location', 'gridCode', grid.code);
        set('location', 'path', [...grid.path]);
      }
      if (changes.organisationId !== undefined || changed.includes('location')) {
        const organisation = await this.placement.runningOrganisation(caller, changes.organisationId ?? station.organisationId, station.path);
        set('organisationId', 'organisationId', organisation.id);
      }
      if (changed.length > 0) {
        this.stations.changed(station, changed);
        await this.stations.save();
      }
      return toStationView(station, (await this.units.unit(station.gridCode))?.name ?? null);
    });
  }
}
