import { Injectable } from '@nestjs/common';
import { PARTY_KEEPERS, requireRole } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import type { ResolutionCaseView } from '@gridline/contracts-party-building';
import { CaseHandoff } from '../../../cases/case-handoff';
import { PartyScope } from '../../../scope/party-scope';
import { committeeNotFound, committeeRule } from '../../committee.errors';
import { toResolutionView } from '../../committee.mapper';
import { CommitteeRepository } from '../../committee.repository';
import type { OpenResolutionCaseCommand } from './open-resolution-case.command';

/** Incidents keeps a case title to 100 characters. */
const TITLE_LENGTH = 100;

/**
 * Turns a resolution of a committee the caller keeps into a grid case of the committee's exclusive grid, once
 * (CaseHandoff: a retry answers the same case). A resolution that became a task does not also become a case.
 */
@Injectable()
export class OpenResolutionCaseUseCase {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly handoff: CaseHandoff,
  ) {}

  async execute({ caller, request }: OpenResolutionCaseCommand): Promise<ResolutionCaseView> {
    requireRole(caller, PARTY_KEEPERS, 'turn committee resolutions into grid cases');
    const committee = await this.committees.findCommittee(request.committeeId);
    if (!committee || !PartyScope.keeps(caller, committee.path)) throw committeeNotFound('committee', request.committeeId);
    const resolution = await this.committees.findResolution(committee.id, request.resolutionId);
    if (!resolution) throw committeeNotFound('resolution', request.resolutionId);
    if (await this.committees.taskOfResolution(resolution.id)) throw committeeRule('resolutionId', 'became a task: a resolution becomes a task or a grid case, not both');
    const meeting = (await this.committees.findMeeting(committee.id, resolution.meetingId))!;
    const title = Array.from(resolution.text).slice(0, TITLE_LENGTH).join('');
    const opened = await this.handoff.open(
      { kind: 'committee_resolution', id: resolution.id },
      {
        categoryCode: request.categoryCode,
        title,
        description: request.description ?? `${committee.name}${meeting.title}（${chinaDay(meeting.heldAt)}）决议第${resolution.position}项：${resolution.text}`,
        gridCode: committee.gridCode,
        source: 'party_committee',
      },
      async ({ incidentId }) => {
        // In the hand-off's transaction: the case id on the resolution and its event commit with the hand-off's row.
        const locked = (await this.committees.lockResolution(committee.id, resolution.id))!;
        if (locked.caseId === null) this.committees.caseOpened(committee, locked, incidentId);
        await this.committees.save();
      },
    );
    return { resolution: toResolutionView({ ...resolution, caseId: opened.incidentId }, null), caseId: opened.incidentId, workOrder: opened.workOrder, replayed: opened.replayed };
  }
}
