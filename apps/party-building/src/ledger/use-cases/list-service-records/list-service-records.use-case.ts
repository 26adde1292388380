import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { ReferenceRepository } from '@gridline/registry-reference';
import type { ServiceRecordView } from '@gridline/contracts-party-building';
import { unitNotFound } from '../../../branch-coverage/coverage.errors';
import { PartyScope } from '../../../scope/party-scope';
import { toServiceRecordView } from '../../service-record.mapper';
import { ServiceRecordRepository } from '../../service-record.repository';
import type { ListServiceRecordsQuery } from './list-service-records.query';

/** Service records of the organisations in the caller's scope (e.g. `status=pending`: what awaits a decision); a unit asked outside it is not found. */
@Injectable()
export class ListServiceRecordsUseCase {
  constructor(
    private readonly records: ServiceRecordRepository,
    private readonly units: ReferenceRepository,
  ) {}

  async execute({ caller, query }: ListServiceRecordsQuery): Promise<OffsetPage<ServiceRecordView>> {
    requireRole(caller, PARTY_READERS, 'read party members’ service');
    if (query.unit) {
      const unit = await this.units.unit(query.unit);
      if (!unit || !PartyScope.reads(caller, unit.path)) throw unitNotFound(query.unit);
    }
    const page = await this.records.page(PartyScope.units(caller), query);
    return { ...page, items: page.items.map(toServiceRecordView) };
  }
}
