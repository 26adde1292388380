import { Module } from '@nestjs/common';
import { PartySnapshotRepository } from './party-snapshot.repository';
import { SnapshotBusController } from './snapshot.bus-controller';
import { GivePartySnapshotUseCase } from './use-cases/give-party-snapshot/give-party-snapshot.use-case';

/** The snapshot analytics fills its party figures from when the stream has lost the oldest events. */
@Module({
  controllers: [SnapshotBusController],
  providers: [PartySnapshotRepository, GivePartySnapshotUseCase],
})
export class SnapshotModule {}
