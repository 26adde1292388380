import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay, fieldPath } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { partyInvalid, type MeetingView } from '@gridline/contracts-party-building';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound, committeeRule } from '../../committee.errors';
import { toMeetingView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import { isMemberOn } from '../../committee-rules';
import { TaskOwners } from '../../task-owners';
import type { RecordMeetingCommand } from './record-meeting.command';

/**
 * Records a meeting of an active committee the caller keeps: held since the founding and not in the future, the units
 * present members on its day; each resolution with a task becomes that task (its owner a member unit of the committee
 * or an organisation in the caller's scope, due not before the meeting). All or nothing.
 */
@Injectable()
export class RecordMeetingUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly owners: TaskOwners,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, meeting: input }: RecordMeetingCommand): Promise<MeetingView> {
    requireRole(caller, PARTY_KEEPERS, 'record committee meetings');
    const heldAt = new Date(input.heldAt);
    if (heldAt.getTime() > Date.now()) throw partyInvalid('heldAt', 'must not be in the future');
    const day = chinaDay(heldAt);
    return this.transactions.run(async () => {
      const committee = await this.committees.lockCommittee(input.committeeId);
      if (!committee || !PartyScope.keeps(caller, committee.path)) throw committeeNotFound('committee', input.committeeId);
      if (!committee.active) throw committeeRule('committeeId', 'is a dissolved committee');
      if (day < committee.foundedOn) throw partyInvalid('heldAt', `must not be before the committee was founded (${committee.foundedOn})`);
      const memberUnits = await this.committees.memberUnits(committee.id);
      input.presentUnitIds.forEach((id, i) => {
        const unit = memberUnits.find((u) => u.id === id);
        if (!unit || !isMemberOn(unit, day)) throw partyInvalid(fieldPath('presentUnitIds', i), 'is not a member unit of the committee on the meeting day');
      });
      const meetingId = randomUUID();
      const resolutions = input.resolutions.map((r, i) => ({ id: randomUUID(), committeeId: committee.id, meetingId, position: i + 1, text: r.text }));
      const tasks = [];
      for (const [i, r] of input.resolutions.entries()) {
        if (!r.task) continue;
        const ownerProblem = await this.owners.problem(caller, r.task.owner, memberUnits, day);
        if (ownerProblem) throw partyInvalid(`resolutions.${i}.task.owner.id`, ownerProblem);
        if (r.task.dueOn < day) throw partyInvalid(`resolutions.${i}.task.dueOn`, `must not be before the meeting (${day})`);
        tasks.push({ id: randomUUID(), committeeId: committee.id, meetingId, resolutionId: resolutions[i].id, title: r.text, ownerKind: r.task.owner.kind, ownerId: r.task.owner.id, dueOn: r.task.dueOn });
      }
      const recorded = this.committees.addMeeting(
        committee,
        { id: meetingId, committeeId: committee.id, heldAt, title: input.title, place: input.place, presentUnitIds: [...input.presentUnitIds], agenda: [...input.agenda], minutes: input.minutes ?? null, recordedBy: caller.sub },
        resolutions,
        tasks,
      );
      committee.updatedAt = new Date();
      await this.committees.save();
      return toMeetingView(recorded.meeting, recorded.resolutions, recorded.tasks, new Map(memberUnits.map((u) => [u.id, u.name])));
    });
  }
}
