import type { Api } from '@/shared/api/client';
import type { OffsetPage } from '@/shared/api/types';
import { filledBody } from '@/shared/forms/action-fields';

/** The registers as the gateway names their routes (`GET /residents`, `/households`, `/buildings`, `/businesses`). */
export const REGISTERS = ['residents', 'households', 'buildings', 'businesses'] as const;
export type Register = (typeof REGISTERS)[number];
/** What `POST /imports/{kind}` takes (IMPORT_KINDS): businesses are not imported. */
export const IMPORT_KINDS = ['residents', 'households', 'buildings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** RESIDENT_TAGS of the registry's contract. */
export const RESIDENT_TAGS = ['elderly_alone', 'disabled', 'low_income', 'key_care', 'veteran', 'left_behind_child', 'pregnant'] as const;

export const isRegister = (name: string): name is Register => (REGISTERS as readonly string[]).includes(name);

/** A resident as the API answers it: `idNumber` and `phone` masked (`370502********1234`, `138****5678`). */
export interface ResidentView {
  id: string;
  gridCode: string;
  householdId: string | null;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthYear: number;
  phone: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdView {
  id: string;
  gridCode: string;
  buildingId: string | null;
  address: string;
  room: string;
  headResidentId: string | null;
  updatedAt: string;
  /** In GET /households/{id}, for the roles that may read residents (masked). */
  members?: ResidentView[];
}

export interface BuildingView {
  id: string;
  gridCode: string;
  address: string;
  name: string | null;
  floors: number | null;
  unitCount: number | null;
  updatedAt: string;
}

export interface BusinessView {
  id: string;
  gridCode: string;
  name: string;
  creditCode: string;
  contactName: string | null;
  /** Masked; the API has no reveal of it. */
  contactPhone: string | null;
  updatedAt: string;
}

export type RecordView = ResidentView | HouseholdView | BuildingView | BusinessView;

/** RegisterListQuery (and ResidentSearchQuery's exact numbers, tag and household for residents). */
export interface RegisterFilters {
  unit?: string;
  q?: string;
  idNumber?: string;
  phone?: string;
  tag?: string;
  householdId?: string;
}

/** ImportReport: `rowsTotal` counts the rows read so far while `status` is running. */
export interface ImportReport {
  id: string;
  kind: ImportKind;
  status: 'running' | 'completed' | 'failed';
  rowsTotal: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; field: string; reason: string }[];
  startedAt: string;
  finishedAt: string | null;
  replayed?: true;
}

// Who may do what: the access table of the gateway (REGISTER_ACCESS in @gridline/auth, docs/access.md). The API
// decides; these only decide what the console offers.
const ADMINS = ['admin', 'street_admin', 'community_admin'];
const KEEPERS = [...ADMINS, 'grid_staff'];
const READERS = [...KEEPERS, 'grid_instructor', 'community_police'];
const ACCESS: Record<Register, { read: string[]; write: string[]; import: string[]; reveal: string[] }> = {
  buildings: { read: [...READERS, 'social_worker', 'building_chief', 'property_staff'], write: KEEPERS, import: KEEPERS, reveal: [] },
  households: { read: [...READERS, 'social_worker', 'building_chief', 'property_staff'], write: KEEPERS, import: KEEPERS, reveal: [] },
  residents: { read: [...READERS, 'social_worker'], write: KEEPERS, import: KEEPERS, reveal: [...KEEPERS, 'community_police'] },
  businesses: { read: READERS, write: KEEPERS, import: [], reveal: [] },
};

export const mayRegister = (roles: readonly string[] | undefined, register: Register, action: keyof (typeof ACCESS)[Register]) =>
  (roles ?? []).some((role) => ACCESS[register][action].includes(role));
/** The registers the user may read (the Registers screen's tabs; none: no nav entry). */
export const readableRegisters = (roles: readonly string[] | undefined) => REGISTERS.filter((r) => mayRegister(roles, r, 'read'));
export const importableKinds = (roles: readonly string[] | undefined) => IMPORT_KINDS.filter((k) => mayRegister(roles, k, 'import'));

const path = (register: Register, id?: string) => (id === undefined ? `/${register}` : `/${register}/${encodeURIComponent(id)}`);

export const listRecords = <T extends RecordView>(api: Api, register: Register, filters: RegisterFilters, page = 1, pageSize = 50) =>
  api.get<OffsetPage<T>>(path(register), { ...filters, page, pageSize });
export const getRecord = <T extends RecordView>(api: Api, register: Register, id: string) => api.get<T>(path(register, id));
/** POST /{register} with an Idempotency-Key (the gateway's IdempotentCreate): a retry with the same key creates nothing. */
export const createRecord = <T extends RecordView>(api: Api, register: Register, body: Record<string, unknown>, idempotencyKey: string) =>
  api.post<T>(path(register), body, { 'Idempotency-Key': idempotencyKey });
export const deleteRecord = (api: Api, register: Register, id: string) => api.request<void>('DELETE', path(register, id));
export const updateRecord = <T extends RecordView>(api: Api, register: Register, id: string, body: Record<string, unknown>) => api.request<T>('PATCH', path(register, id), body);

/** GET /residents/{id}/reveal: one clear value, written to the audit log with the reason. */
export async function revealResident(api: Api, id: string, field: 'idNumber' | 'phone', reason: string): Promise<string | null> {
  const answer = await api.get<{ id: string; idNumber?: string; phone?: string | null }>(`/residents/${encodeURIComponent(id)}/reveal`, { fields: field, reason });
  return answer[field] ?? null;
}

/**
 * POST /imports/{kind}?importId= with the file as text/csv: answers the report once the whole file is imported. The
 * client's own `importId` lets the progress be asked (GET /imports/{id}) while it uploads.
 */
export const importCsv = (api: Api, kind: ImportKind, file: Blob, importId: string, idempotencyKey: string) =>
  api.request<ImportReport>('POST', `/imports/${kind}?importId=${encodeURIComponent(importId)}`, new Blob([file], { type: 'text/csv' }), { 'Idempotency-Key': idempotencyKey });
export const importProgress = (api: Api, id: string) => api.get<ImportReport>(`/imports/${encodeURIComponent(id)}`);

/** The data rows of a CSV file (its non-empty lines but the header): what the import's progress counts up to. */
export function dataRows(text: string): number {
  return Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);
}

/**
 * The fields of each register's create and edit forms (CreateXRequest, UpdateXBody): `grid` picks a grid in scope,
 * `member` one of the household's members (its head), `uuid` takes a record's id.
 */
export type RecordFieldKind = 'text' | 'grid' | 'number' | 'tags' | 'uuid' | 'member';
export interface RecordField {
  name: string;
  kind: RecordFieldKind;
  required?: boolean;
  max?: number;
  /** Never filled in from the record (the API answers it masked): left empty, it is not sent. */
  secret?: boolean;
}

export const CREATE_FIELDS: Record<Register, RecordField[]> = {
  residents: [
    { name: 'gridCode', kind: 'grid' },
    { name: 'householdId', kind: 'uuid' },
    { name: 'name', kind: 'text', required: true, max: 50 },
    { name: 'idNumber', kind: 'text', required: true, max: 18 },
    { name: 'phone', kind: 'text', max: 20 },
    { name: 'tags', kind: 'tags' },
  ],
  households: [
    { name: 'buildingId', kind: 'uuid' },
    { name: 'gridCode', kind: 'grid' },
    { name: 'address', kind: 'text', max: 200 },
    { name: 'room', kind: 'text', max: 50 },
  ],
  buildings: [
    { name: 'gridCode', kind: 'grid', required: true },
    { name: 'address', kind: 'text', required: true, max: 200 },
    { name: 'name', kind: 'text', max: 100 },
    { name: 'floors', kind: 'number', max: 200 },
    { name: 'unitCount', kind: 'number', max: 100 },
  ],
  businesses: [
    { name: 'gridCode', kind: 'grid', required: true },
    { name: 'name', kind: 'text', required: true, max: 200 },
    { name: 'creditCode', kind: 'text', required: true, max: 18 },
    { name: 'contactName', kind: 'text', max: 50 },
    { name: 'contactPhone', kind: 'text', max: 20 },
  ],
};

export const EDIT_FIELDS: Record<Register, RecordField[]> = {
  residents: [
    { name: 'name', kind: 'text', max: 50 },
    { name: 'phone', kind: 'text', max: 20, secret: true },
    { name: 'tags', kind: 'tags' },
    { name: 'householdId', kind: 'uuid' },
  ],
  households: [{ name: 'headResidentId', kind: 'member' }],
  buildings: [
    { name: 'name', kind: 'text', max: 100 },
    { name: 'floors', kind: 'number', max: 200 },
    { name: 'unitCount', kind: 'number', max: 100 },
  ],
  businesses: [
    { name: 'name', kind: 'text', max: 200 },
    { name: 'contactName', kind: 'text', max: 50 },
    { name: 'contactPhone', kind: 'text', max: 20, secret: true },
  ],
};

/** A form's body: the fields filled in (an empty text or a number not given is not sent; a list always is). */
export const recordBody = (fields: readonly RecordField[], values: Record<string, unknown>): Record<string, unknown> => filledBody(fields.map((f) => f.name), values);
