import type { RegisterKind } from '@gridline/auth';

/** Tags of residents that the grid follows with care. */
export const RESIDENT_TAGS = ['elderly_alone', 'disabled', 'low_income', 'key_care', 'veteran', 'left_behind_child', 'pregnant'] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];

export interface BuildingView {
  id: string;
  gridCode: string;
  address: string;
  name: string | null;
  floors: number | null;
  unitCount: number | null;
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
}

/**
 * A resident. `idNumber` and `phone` are masked (`370502********1234`, `138****5678`); the birth date, which
 * the masked characters of the ID number are, appears only as its year. Clear values come only through the
 * audited reveal.
 */
export interface ResidentView {
  id: string;
  gridCode: string;
  householdId: string | null;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthYear: number;
  phone: string | null;
  tags: ResidentTag[];
  createdAt: string;
  updatedAt: string;
}

/** The clear values of a resident, for a caller allowed to see them, recorded in the audit log. */
export interface RevealedResidentView {
  id: string;
  name: string;
  idNumber?: string;
  phone?: string | null;
}

export interface BusinessView {
  id: string;
  gridCode: string;
  name: string;
  creditCode: string;
  contactName: string | null;
  /** Masked. */
  contactPhone: string | null;
  updatedAt: string;
}

/** One unmasked read: who, what, when, why. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: string;
  actorRoles: string[];
  action: string;
  subjectType: string;
  subjectId: string;
  fields: string[];
  reason: string;
  correlationId: string | null;
}

export const IMPORT_KINDS = ['buildings', 'households', 'residents'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The register each import kind fills: its row of the access table (REGISTER_ACCESS in @gridline/auth) applies. */
export const IMPORT_REGISTER: Readonly<Record<ImportKind, RegisterKind>> = { buildings: 'building', households: 'household', residents: 'resident' };

/** A row the import refused: its number in the file (the header is row 1), the field and the reason. */
export interface ImportRejection {
  row: number;
  field: string;
  reason: string;
}

export interface ImportReport {
  id: string;
  kind: ImportKind;
  status: 'running' | 'completed' | 'failed';
  rowsTotal: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: ImportRejection[];
  startedAt: string;
  finishedAt: string | null;
  /** Set on an import retried with its Idempotency-Key: this is the earlier import's report, nothing was imported now. */
  replayed?: true;
}

/** What one batch of an import did. */
export interface ImportBatchResult {
  created: number;
  updated: number;
  unchanged: number;
  rejections: ImportRejection[];
}

/** Basic-information collection quality of a grid (or the grids beneath a unit, summed). */
export interface QualityView {
  unitCode: string;
  grids: number;
  buildings: number;
  households: number;
  residents: number;
  /** Share (0–1) of required fields filled: building floors and unit counts, household heads, resident phones. */
  completeness: number;
  /** Share (0–1) of households visited in the last 90 days (visits logged in the incidents service). */
  visitedShare: number;
  lastUpdatedAt: string | null;
}
