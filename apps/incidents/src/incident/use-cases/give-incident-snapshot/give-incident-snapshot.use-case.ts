import { Injectable } from '@nestjs/common';
import { requireProcess } from '@gridline/auth';
import { timeOrderedPage } from '@gridline/platform';
import type { IncidentSnapshotPage } from '@gridline/contracts-incidents';
import { ReferenceRepository } from '@gridline/registry-reference';
import { incidentInvalid } from '../../incident.errors';
import { IncidentRepository } from '../../incident.repository';
import { snapshotEvents, type SnapshotTimelineRow } from '../../incident-snapshot';
import type { GiveIncidentSnapshotQuery } from './give-incident-snapshot.query';

/**
 * The cases' snapshot (`incidents.incident.snapshot`): every case, in the order of its creation, as its transitions
 * in the events' shape (`snapshotEvents`), keyset-paged — for analytics to fill its case projection with what the
 * stream no longer holds (it keeps 30 days). Answered only to the analytics service acting for itself
 * (`svc:analytics`, which only its own key signs): no user, not even an admin, reads every case this way.
 */
@Injectable()
export class GiveIncidentSnapshotUseCase {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async execute({ caller, query }: GiveIncidentSnapshotQuery): Promise<IncidentSnapshotPage> {
    requireProcess(caller, 'analytics', "read the cases' snapshot");
    const page = await timeOrderedPage(
      query,
      incidentInvalid,
      (after, fetch) => this.incidents.inCreationOrder(after && { createdAt: after.at, id: after.id }, fetch),
      (c) => ({ at: c.createdAt, id: c.id }),
    );
    const rows = new Map<string, SnapshotTimelineRow[]>();
    for (const entry of await this.incidents.timelines(page.items.map((c) => c.id))) {
      rows.set(entry.incidentId, [...(rows.get(entry.incidentId) ?? []), { ...entry, id: String(entry.id) }]);
    }
    const calendar = await this.reference.calendar();
    const items = [];
    for (const incident of page.items) {
      const category = await this.reference.category(incident.categoryCode);
      const clock = { calendar, limits: { accept: category?.acceptLimit ?? null, handle: category?.handleLimit ?? null } };
      items.push({ incidentId: incident.id, events: snapshotEvents(incident, rows.get(incident.id) ?? [], clock) });
    }
    return { items, nextCursor: page.nextCursor };
  }
}
