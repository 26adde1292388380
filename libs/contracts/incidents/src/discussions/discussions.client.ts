import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { INCIDENTS_REQUESTS } from '../incidents.requests';
import type { CloseDiscussionBody, CompleteDiscussionTaskBody, ListDiscussionTasksQuery, ListDiscussionsQuery, RecordDiscussionMeetingBody } from './discussion.dto';
import type { DiscussionPage, DiscussionTaskPage, DiscussionTaskView, DiscussionView } from './discussion.types';

/** 3+N candidate discussions and their tasks, typed. */
@Injectable()
export class DiscussionsClient {
  constructor(private readonly bus: BusRequester) {}

  list(caller: Caller, query: ListDiscussionsQuery): Promise<DiscussionPage> {
    return this.bus.request(INCIDENTS_REQUESTS.listDiscussions, query, { caller });
  }

  get(caller: Caller, id: string): Promise<DiscussionView> {
    return this.bus.request(INCIDENTS_REQUESTS.getDiscussion, { id }, { caller });
  }

  recordMeeting(caller: Caller, id: string, meeting: RecordDiscussionMeetingBody): Promise<DiscussionView> {
    return this.bus.request(INCIDENTS_REQUESTS.recordDiscussionMeeting, { ...meeting, id }, { caller });
  }

  close(caller: Caller, id: string, body: CloseDiscussionBody): Promise<DiscussionView> {
    return this.bus.request(INCIDENTS_REQUESTS.closeDiscussion, { ...body, id }, { caller });
  }

  tasks(caller: Caller, query: ListDiscussionTasksQuery): Promise<DiscussionTaskPage> {
    return this.bus.request(INCIDENTS_REQUESTS.listDiscussionTasks, query, { caller });
  }

  completeTask(caller: Caller, id: string, body: CompleteDiscussionTaskBody): Promise<DiscussionTaskView> {
    return this.bus.request(INCIDENTS_REQUESTS.completeDiscussionTask, { ...body, id }, { caller });
  }
}
