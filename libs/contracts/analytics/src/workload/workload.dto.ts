import { PeriodOfUnit } from '../hotspots/hotspots.dto';

/** Query of GET /api/v1/analytics/workload (and `analytics.workload.get`): a unit in your scope, from–to in China days. */
export class WorkloadQuery extends PeriodOfUnit {}
