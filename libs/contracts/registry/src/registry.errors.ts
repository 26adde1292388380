/** Error codes the registry answers with (stable: clients switch on them). */
export const RegistryErrorCode = {
  UnitNotFound: 'UNIT_NOT_FOUND',
  UnitCodeTaken: 'UNIT_CODE_TAKEN',
  ParentNotFound: 'UNIT_PARENT_NOT_FOUND',
  ParentInvalid: 'UNIT_PARENT_INVALID',
  CodeInvalid: 'UNIT_CODE_INVALID',
  BoundaryInvalid: 'UNIT_BOUNDARY_INVALID',
  BoundaryRequired: 'UNIT_BOUNDARY_REQUIRED',
  /** The boundary overlaps another unit of its level (409). */
  BoundaryOverlap: 'UNIT_BOUNDARY_OVERLAP',
  /** The unit changed between reading and writing it (a concurrent edit, 409): reload and retry. */
  UnitChanged: 'UNIT_CHANGED',
  KindInvalid: 'UNIT_KIND_INVALID',
  OutOfScope: 'UNIT_OUT_OF_SCOPE',
  NoGridAtPoint: 'NO_GRID_AT_POINT',
  DepartmentNotFound: 'DEPARTMENT_NOT_FOUND',
  DepartmentCodeTaken: 'DEPARTMENT_CODE_TAKEN',
  CategoryNotFound: 'CATEGORY_NOT_FOUND',
  CategoryCodeTaken: 'CATEGORY_CODE_TAKEN',
  CategoryInvalid: 'CATEGORY_INVALID',
  CalendarInvalid: 'CALENDAR_INVALID',
  PersonNotFound: 'PERSON_NOT_FOUND',
  /** Another person already has that login account (409). */
  PersonAccountTaken: 'PERSON_ACCOUNT_TAKEN',
  AssignmentNotFound: 'ASSIGNMENT_NOT_FOUND',
  AssignmentInvalid: 'ASSIGNMENT_INVALID',
  BuildingNotFound: 'BUILDING_NOT_FOUND',
  HouseholdNotFound: 'HOUSEHOLD_NOT_FOUND',
  ResidentNotFound: 'RESIDENT_NOT_FOUND',
  ResidentDuplicate: 'RESIDENT_DUPLICATE',
  BusinessNotFound: 'BUSINESS_NOT_FOUND',
  BusinessDuplicate: 'BUSINESS_DUPLICATE',
  RegisterInvalid: 'REGISTER_INVALID',
  ImportNotFound: 'IMPORT_NOT_FOUND',
  AssignmentConflict: 'ASSIGNMENT_CONFLICT',
} as const;

export type RegistryErrorCode = (typeof RegistryErrorCode)[keyof typeof RegistryErrorCode];
