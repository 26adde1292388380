import { GRID_CODE_PATTERN as GRID_CODE, RESIDENT_TAGS, mobileProblem, normalizeMobile, normalizeResidentId, residentIdProblem, type ImportRejection, type ResidentTag } from '@gridline/contracts-registry';

export interface BuildingRow {
  row: number;
  gridCode: string;
  address: string;
  name: string | null;
  floors: number | null;
  unitCount: number | null;
}

export interface HouseholdRow {
  row: number;
  gridCode: string;
  address: string;
  room: string;
}

export interface ResidentRow {
  row: number;
  gridCode: string;
  name: string;
  idNumber: string;
  phone: string | null;
  tags: ResidentTag[];
  building: string;
  room: string;
}

type Parsed<T> = { ok: T } | { rejection: ImportRejection };

function reject(row: number, field: string, reason: string): { rejection: ImportRejection } {
  return { rejection: { row, field, reason } };
}

function text(raw: Record<string, string>, key: string): string {
  return (raw[key] ?? '').trim();
}

function intOrNull(value: string, min: number, max: number): number | null | undefined {
  if (value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export function parseBuildingRow(raw: Record<string, string>, row: number): Parsed<BuildingRow> {
  const gridCode = text(raw, 'grid_code');
  if (!GRID_CODE.test(gridCode)) return reject(row, 'grid_code', 'must be the 15-digit code of a grid');
  const address = text(raw, 'address');
  if (!address || address.length > 200) return reject(row, 'address', 'is required (at most 200 characters)');
  const floors = intOrNull(text(raw, 'floors'), 1, 200);
  if (floors === undefined) return reject(row, 'floors', 'must be a whole number from 1 to 200');
  const unitCount = intOrNull(text(raw, 'units'), 1, 100);
  if (unitCount === undefined) return reject(row, 'units', 'must be a whole number from 1 to 100');
  return { ok: { row, gridCode, address, name: text(raw, 'name') || null, floors, unitCount } };
}

export function parseHouseholdRow(raw: Record<string, string>, row: number): Parsed<HouseholdRow> {
  const gridCode = text(raw, 'grid_code');
  if (!GRID_CODE.test(gridCode)) return reject(row, 'grid_code', 'must be the 15-digit code of a grid');
  const address = text(raw, 'address');
  if (!address || address.length > 200) return reject(row, 'address', 'is required (at most 200 characters)');
  const room = text(raw, 'room');
  if (room.length > 50) return reject(row, 'room', 'must be at most 50 characters');
  return { ok: { row, gridCode, address, room } };
}

/** Validates a resident row; reasons never quote the ID or phone number. */
export function parseResidentRow(raw: Record<string, string>, row: number): Parsed<ResidentRow> {
  const gridCode = text(raw, 'grid_code');
  if (!GRID_CODE.test(gridCode)) return reject(row, 'grid_code', 'must be the 15-digit code of a grid');
  const name = text(raw, 'name');
  if (!name || name.length > 50) return reject(row, 'name', 'is required (at most 50 characters)');
  const idNumber = normalizeResidentId(text(raw, 'id_number'));
  const idProblem = residentIdProblem(idNumber);
  if (idProblem) return reject(row, 'id_number', idProblem);
  const rawPhone = text(raw, 'phone');
  let phone: string | null = null;
  if (rawPhone) {
    phone = normalizeMobile(rawPhone);
    const phoneProblem = mobileProblem(phone);
    if (phoneProblem) return reject(row, 'phone', phoneProblem);
  }
  const tags = text(raw, 'tags')
    .split('|')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknown = tags.find((t) => !(RESIDENT_TAGS as readonly string[]).includes(t));
  if (unknown) return reject(row, 'tags', `has an unknown tag "${unknown}" (known: ${RESIDENT_TAGS.join(', ')})`);
  const building = text(raw, 'building');
  const room = text(raw, 'room');
  if (building.length > 200) return reject(row, 'building', 'must be at most 200 characters');
  if (room.length > 50) return reject(row, 'room', 'must be at most 50 characters');
  if (room && !building) return reject(row, 'building', 'is required when room is given (the household is building + room)');
  return { ok: { row, gridCode, name, idNumber, phone, tags: [...new Set(tags)] as ResidentTag[], building, room } };
}

/** Grid, address and room: the natural key of a household. */
export function householdKey(gridCode: string, address: string, room: string): string {
  return `${gridCode}\u0000${address}\u0000${room}`;
}
