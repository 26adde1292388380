import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import type { ServiceRecordView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { toServiceRecordView } from '../../service-record.mapper';
import { ServiceRecordRepository } from '../../service-record.repository';
import type { ListServiceRecordsQuery } from './list-service-records.query';

/** Service records of the organisations in the caller's scope (e.g. `status=pending`: what awaits a decision). */
@Injectable()
export class ListServiceRecordsUseCase {
  constructor(private readonly records: ServiceRecordRepository) {}

  async execute({ caller, query }: ListServiceRecordsQuery): Promise<OffsetPage<ServiceRecordView>> {
    requireRole(caller, PARTY_READERS, 'read party members’ service');
    const page = await this.records.page(PartyScope.units(caller), query);
    return { ...page, items: page.items.map(toServiceRecordView) };
  }
}
