import { Injectable } from '@nestjs/common';
import { PARTY_READERS, requireRole } from '@gridline/auth';
import type { MeetingView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound } from '../../committee.errors';
import { toMeetingView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import type { ListMeetingsQuery } from './list-meetings.query';

/** A committee's meetings, newest first, with their agendas and resolutions (each with its task or case). */
@Injectable()
export class ListMeetingsUseCase {
  constructor(private readonly committees: CommitteeRepository) {}

  async execute({ caller, committeeId }: ListMeetingsQuery): Promise<MeetingView[]> {
    requireRole(caller, PARTY_READERS, 'read work committees');
    const committee = await this.committees.findCommittee(committeeId);
    if (!committee || !PartyScope.reads(caller, committee.path)) throw committeeNotFound('committee', committeeId);
    const [meetings, memberUnits] = await Promise.all([this.committees.meetings(committeeId), this.committees.memberUnits(committeeId)]);
    const ids = meetings.map((m) => m.id);
    const [resolutions, tasks] = await Promise.all([this.committees.resolutionsOf(ids), this.committees.tasksOfMeetings(ids)]);
    const names = new Map(memberUnits.map((u) => [u.id, u.name]));
    return meetings.map((m) =>
      toMeetingView(
        m,
        resolutions.filter((r) => r.meetingId === m.id),
        tasks.filter((t) => t.meetingId === m.id),
        names,
      ),
    );
  }
}
