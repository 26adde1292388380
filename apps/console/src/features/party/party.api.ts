import type { Api } from '@/shared/api/client';
import { allPages } from '@/shared/api/reference';
import type { OffsetPage } from '@/shared/api/types';

// The answers of the gateway's party routes (apps/gateway/src/party/*.controller.ts), mirroring the contracts of
// libs/contracts/party-building as the console's other types do (the contracts carry Nest decorators).

/** ORGANISATION_LEVELS: working committee → community committee / general branch → grid branch / joint branch → group. */
export const ORGANISATION_LEVELS = ['working_committee', 'party_committee', 'general_branch', 'branch', 'joint_branch', 'party_group'] as const;
export const MEMBER_STATUSES = ['full', 'probationary'] as const;
export const REGISTRATION_STATES = ['submitted', 'approved', 'rejected', 'ended'] as const;
export const ACTIVITY_KINDS = ['theme_party_day', 'volunteer_service', 'study', 'organisational_life', 'other'] as const;
export const ACTIVITY_AUDIENCES = ['organisation', 'scope', 'all'] as const;
export const STATION_FUNCTIONS = ['policy_publicity', 'social_conditions', 'consultation', 'resident_service', 'activities', 'mediation'] as const;

export interface OrganisationView {
  id: string;
  name: string;
  level: (typeof ORGANISATION_LEVELS)[number];
  parentId: string | null;
  unitCode: string;
  unitName: string | null;
  unitActive: boolean;
  active: boolean;
}

export interface CoverageBranch {
  organisationId: string;
  name: string;
  level: string;
  unitCode: string;
  unitName: string | null;
}

/** GET /party/coverage (一网格一支部), cut to the caller's scope (and the unit asked for). */
export interface CoverageView {
  unitCode: string | null;
  grids: number;
  covered: number;
  /** covered / grids to four places; null without active grids. */
  share: number | null;
  gridsWithoutBranch: { unitCode: string; unitName: string | null; level: string }[];
  branchesOnInactiveGrids: CoverageBranch[];
  branchesWithoutSecretary: CoverageBranch[];
  communities: {
    unitCode: string;
    unitName: string | null;
    grids: number;
    covered: number;
    share: number | null;
    committeeId: string | null;
    gridCentreDirector: { officerId: string; memberId: string; memberName: string | null } | null;
  }[];
}

/** A member as every answer shows them: name, ID number and phone masked (`张*`, `370502********1234`, `138****5678`). */
export interface MemberView {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  status: (typeof MEMBER_STATUSES)[number];
  joinedOn: string;
  organisationId: string;
  unitPath: string[];
  homeGridCode: string;
  account: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RegistrationView {
  id: string;
  memberId: string;
  memberName: string | null;
  workUnit: string;
  workUnitPartyOrganisation: string;
  communityCode: string;
  communityName: string | null;
  gridCode: string;
  gridName: string | null;
  post: string;
  postNote: string | null;
  startsOn: string;
  endsOn: string | null;
  state: (typeof REGISTRATION_STATES)[number];
  rejectionReason: string | null;
  handoff: { status: 'none' | 'pending' | 'done' | 'failed'; reason: string | null };
  createdAt: string;
}

export interface ActivityView {
  id: string;
  organisationId: string;
  unitCode: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  stationId: string | null;
  address: string | null;
  capacity: number;
  audience: (typeof ACTIVITY_AUDIENCES)[number];
  hours: number;
  signedUp: number;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  reported: boolean;
}

/** POST /party/activities/{id}/check-in-code: shown once (15 minutes; a new one replaces it). */
export interface CheckInCodeView {
  activityId: string;
  code: string;
  expiresAt: string;
}

export interface SignUpView {
  id: string;
  status: 'signed_up' | 'cancelled';
  walkIn: boolean;
  signedUpAt: string;
  attendedAt: string | null;
}

export interface CheckInView {
  signUp: SignUpView;
  hours: number;
  creditRefused: string | null;
}

export interface ActivityReportView {
  activityId: string;
  signedUp: number;
  attended: number;
  noShows: number;
  walkIns: number;
  summary: string;
  reportedAt: string;
}

export interface StationView {
  id: string;
  name: string;
  location: { lat: number; lng: number };
  address: string | null;
  gridCode: string;
  gridName: string | null;
  organisationId: string;
  openingHours: { day: string; opens: string; closes: string }[];
  contact: { post: string; workPhone: string | null } | null;
  functions: (typeof STATION_FUNCTIONS)[number][];
  active: boolean;
}

export interface ServiceRecordView {
  id: string;
  kind: 'activity' | 'grid_task';
  task: string | null;
  activityId: string | null;
  day: string;
  hours: number;
  points: number;
  note: string | null;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
}

export interface MemberLedgerView {
  memberId: string;
  year: number;
  records: ServiceRecordView[];
  approved: { hours: number; points: number; records: number };
  pending: { hours: number; points: number; records: number };
}

// Who may do what: the gateway's role guards (PARTY_KEEPERS, PARTY_READERS of @gridline/auth; `party_member` on the
// member's own routes). The API decides and scopes; these only decide what the console offers.
const KEEPERS = ['admin', 'street_admin', 'community_admin', 'party_secretary'];
const READERS = [...KEEPERS, 'grid_instructor', 'analyst'];
const has = (roles: readonly string[] | undefined, allowed: readonly string[]) => (roles ?? []).some((role) => allowed.includes(role));
/** The Party building screen (organisations, members, registrations, activities, stations). */
export const mayReadParty = (roles: readonly string[] | undefined) => has(roles, READERS);
/** Creates, decisions, the check-in code. */
export const mayKeepParty = (roles: readonly string[] | undefined) => has(roles, KEEPERS);
/** The member's own view (`/party/me`, `/party/me/activities`, `/party/me/ledger`, the check-in). */
export const isPartyMember = (roles: readonly string[] | undefined) => has(roles, ['party_member']);

export const PARTY_TABS = ['organisations', 'members', 'registrations', 'activities', 'stations'] as const;
export type PartyTab = (typeof PARTY_TABS)[number];

const id = (value: string) => encodeURIComponent(value);
type Filters = Record<string, string | undefined>;

export const listOrganisations = (api: Api, filters: Filters, page = 1, pageSize = 100) => api.get<OffsetPage<OrganisationView>>('/party/organisations', { ...filters, page, pageSize });
export const getCoverage = (api: Api, unit?: string) => api.get<CoverageView>('/party/coverage', { unit });

export const listMembers = (api: Api, filters: Filters, page = 1, pageSize = 50) => api.get<OffsetPage<MemberView>>('/party/members', { ...filters, page, pageSize });
export const getMember = (api: Api, memberId: string) => api.get<MemberView>(`/party/members/${id(memberId)}`);
/** POST /party/members/{id}/reveal: one clear value, written to the audit log with the reason (keepers). */
export async function revealMember(api: Api, memberId: string, field: 'name' | 'idNumber' | 'phone', reason: string): Promise<string | null> {
  const answer = await api.post<Partial<Record<string, string>>>(`/party/members/${id(memberId)}/reveal`, { fields: [field], reason });
  return answer[field] ?? null;
}

export const listRegistrations = (api: Api, filters: Filters, page = 1, pageSize = 50) => api.get<OffsetPage<RegistrationView>>('/party/registrations', { ...filters, page, pageSize });
/** The decisions on a registration: approve and reject a submitted one (keepers); end a submitted or approved one. */
export const REGISTRATION_ACTIONS = { approve: [], reject: [{ name: 'reason', kind: 'textarea' }], end: [] } as const;
export type RegistrationAction = keyof typeof REGISTRATION_ACTIONS;
export function registrationActions(state: RegistrationView['state'], keeper: boolean): RegistrationAction[] {
  if (!keeper) return [];
  if (state === 'submitted') return ['approve', 'reject', 'end'];
  return state === 'approved' ? ['end'] : [];
}
export const decideRegistration = (api: Api, registrationId: string, action: RegistrationAction, body: Record<string, unknown>) =>
  api.post<RegistrationView>(`/party/registrations/${id(registrationId)}/${action}`, body);

export const listActivities = (api: Api, filters: Filters, page = 1, pageSize = 50) => api.get<OffsetPage<ActivityView>>('/party/activities', { ...filters, page, pageSize });
export const getActivity = (api: Api, activityId: string) => api.get<ActivityView>(`/party/activities/${id(activityId)}`);
/** POST /party/activities (or /party/activities/held for one already held) with an Idempotency-Key. */
export const createActivity = (api: Api, body: Record<string, unknown>, idempotencyKey: string) =>
  api.post<ActivityView>('/party/activities', body, { 'Idempotency-Key': idempotencyKey });
export const openCheckIn = (api: Api, activityId: string) => api.post<CheckInCodeView>(`/party/activities/${id(activityId)}/check-in-code`, {});
export const checkIn = (api: Api, activityId: string, code: string) => api.post<CheckInView>(`/party/activities/${id(activityId)}/check-ins`, { code });
export const cancelActivity = (api: Api, activityId: string, body: Record<string, unknown>) => api.post<ActivityView>(`/party/activities/${id(activityId)}/cancel`, body);
export const submitReport = (api: Api, activityId: string, body: Record<string, unknown>) => api.post<ActivityReportView>(`/party/activities/${id(activityId)}/report`, body);
export const getReport = (api: Api, activityId: string) => api.get<ActivityReportView>(`/party/activities/${id(activityId)}/report`);

export const listStations = (api: Api, filters: Filters, page = 1, pageSize = 50) => api.get<OffsetPage<StationView>>('/party/stations', { ...filters, page, pageSize });
export const getStation = (api: Api, stationId: string) => api.get<StationView>(`/party/stations/${id(stationId)}`);

// The keepers' creates, each an IdempotentCreate route of the gateway: the form's key per body (useCreateForm).
export const createOrganisation = (api: Api, body: Record<string, unknown>, idempotencyKey: string) =>
  api.post<OrganisationView>('/party/organisations', body, { 'Idempotency-Key': idempotencyKey });
/** The ID number and phone go in the body only: never in a URL, never logged. */
export const createMember = (api: Api, body: Record<string, unknown>, idempotencyKey: string) => api.post<MemberView>('/party/members', body, { 'Idempotency-Key': idempotencyKey });
export const createStation = (api: Api, body: Record<string, unknown>, idempotencyKey: string) => api.post<StationView>('/party/stations', body, { 'Idempotency-Key': idempotencyKey });
/** The active organisations of the user's scope, every page (what a create form offers as parent or owner). */
export const activeOrganisations = (api: Api) => allPages((page) => listOrganisations(api, {}, page)).then((all) => all.filter((o) => o.active));

export const ownMember = (api: Api) => api.get<MemberView>('/party/me');
export const ownActivities = (api: Api, page = 1, pageSize = 50) => api.get<OffsetPage<{ activity: ActivityView; signUp: SignUpView }>>('/party/me/activities', { page, pageSize });
export const ownLedger = (api: Api, year?: number) => api.get<MemberLedgerView>('/party/me/ledger', { year });

/** A share (0–1, or null without grids) as a percentage. */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
