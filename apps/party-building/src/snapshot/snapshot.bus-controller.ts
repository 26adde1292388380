import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { PARTY_BUILDING_REQUESTS, PartySnapshotQuery } from '@gridline/contracts-party-building';
import { GivePartySnapshotQuery } from './use-cases/give-party-snapshot/give-party-snapshot.query';
import { GivePartySnapshotUseCase } from './use-cases/give-party-snapshot/give-party-snapshot.use-case';

/** Party building's snapshot on the bus (for analytics alone). */
@Controller()
export class SnapshotBusController {
  constructor(private readonly giveSnapshot: GivePartySnapshotUseCase) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.snapshot.pattern)
  snapshot(@Payload() query: PartySnapshotQuery, @BusCaller() caller: Caller) {
    return this.giveSnapshot.execute(new GivePartySnapshotQuery(caller, query));
  }
}
