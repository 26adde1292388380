/** The gateway's answers the console reads (as docs/openapi.json describes them). */
export type CaseStatus = 'reported' | 'accepted' | 'dispatched' | 'in_progress' | 'handled' | 'verified' | 'closed' | 'rejected' | 'cancelled' | 'merged' | string;
export type Card = 'none' | 'warning' | 'yellow' | 'red';

export interface CaseView {
  id: string;
  workOrder: string;
  status: CaseStatus;
  categoryCode: string;
  categoryName: string;
  title: string;
  description: string;
  location: { lat: number; lng: number; address?: string | null } | null;
  gridCode: string;
  gridName: string | null;
  community: { code: string; name: string } | null;
  urgency: string;
  source: string;
  owner: { kind: string; code: string } | null;
  ownerName: string | null;
  step: string | null;
  dueAt: string | null;
  supervision: { card: Card; supervisorUnitCode: string | null; since: string | null };
  createdAt: string;
  version: number;
  allowedActions: string[];
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface OffsetPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TimelineEntry {
  at: string;
  action: string;
  actor: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  details: Record<string, unknown> | null;
}

export interface UnitView {
  code: string;
  name: string;
  level: 'street' | 'community' | 'grid' | string;
  kind: string | null;
  parentCode: string | null;
  boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
  active: boolean;
}

/** `GET /console-config`: how the console signs users in. */
export interface ConsoleConfig {
  oidc: { issuer: string; clientId: string; scope: string; name: string | null } | null;
  demo: boolean;
}

/** `GET /me`: the caller as the gateway verified the token. */
export interface Me {
  sub: string;
  name: string | null;
  roles: string[];
  units: string[];
}

export interface DemoUser {
  sub: string;
  name: string | null;
  title: string;
  roles: string[];
  units: string[];
  token: string;
}

/** A part of a composed answer (GET /units/:code/overview). */
export type Part<T> = { status: 'ok'; data: T } | { status: 'unavailable'; reason: string } | { status: 'forbidden' };

export interface UnitOverview {
  unit: { code: string; name: string; level: string };
  staff?: Part<unknown[]>;
  party?: Part<unknown>;
  stations?: Part<{ total: number }>;
  cases?: Part<Record<string, number>>;
  figures?: Part<Record<string, unknown>>;
  [part: string]: unknown;
}

/** A category of the responsibility list (GET /categories answers major ones with their minor `children`). */
export interface CategoryView {
  code: string;
  name: string;
  parentCode: string | null;
  kind: 'major' | 'minor';
  /** Who the responsibility list names to answer it: a department, or a level of the grid map (absent in old answers). */
  owner?: { level: string | null; departmentCode: string | null } | null;
  active: boolean;
}

export interface CategoryTree extends CategoryView {
  children: CategoryView[];
}

/** The answer to POST /incidents: the case, whether the Idempotency-Key replayed it, and possible duplicates. */
export interface ReportResult {
  incident: CaseView;
  replayed: boolean;
  possibleDuplicates: { id: string; title: string; status: CaseStatus; distanceMeters: number; createdAt: string }[];
}

/** GET /incidents/counts. */
export interface CaseCounts {
  byStatus: Partial<Record<CaseStatus, number>>;
  overdue: number;
  supervised: number;
  /** With `by=unit`: the same per unit at or beneath the one asked (or the user's units). */
  units?: (Omit<CaseCounts, 'units'> & { unit: string })[];
}
