import { Injectable } from '@nestjs/common';
import type { DiscussionView } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { discussionNames, toDiscussionView } from '../../discussion.mapper';
import { DiscussionRepository } from '../../discussion.repository';
import { DiscussionVisibility } from '../../discussion-visibility';
import type { GetDiscussionCommand } from './get-discussion.command';

/** A discussion with the tasks the caller sees: every task for the grid centre, a task owner's own only (`view: owner`). */
@Injectable()
export class GetDiscussionUseCase {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly visibility: DiscussionVisibility,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, discussionId }: GetDiscussionCommand): Promise<DiscussionView> {
    const { discussion, seen } = await this.visibility.see(caller, await this.discussions.findById(discussionId), discussionId);
    return toDiscussionView(discussion, caller, await this.reference.names(discussionNames([discussion], seen)), seen);
  }
}
