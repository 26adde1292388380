/** Error codes the registry answers with (stable: clients switch on them). */
export const RegistryErrorCode = {
  UnitNotFound: 'UNIT_NOT_FOUND',
  UnitCodeTaken: 'UNIT_CODE_TAKEN',
  ParentNotFound: 'UNIT_PARENT_NOT_FOUND',
  ParentInvalid: 'UNIT_PARENT_INVALID',
  CodeInvalid: 'UNIT_CODE_INVALID',
  BoundaryInvalid: 'UNIT_BOUNDARY_INVALID',
  BoundaryRequired: 'UNIT_BOUNDARY_REQUIRED',
  KindInvalid: 'UNIT_KIND_INVALID',
  OutOfScope: 'UNIT_OUT_OF_SCOPE',
  NoGridAtPoint: 'NO_GRID_AT_POINT',
  DepartmentNotFound: 'DEPARTMENT_NOT_FOUND',
  DepartmentCodeTaken: 'DEPARTMENT_CODE_TAKEN',
  CategoryNotFound: 'CATEGORY_NOT_FOUND',
  CategoryCodeTaken: 'CATEGORY_CODE_TAKEN',
  CategoryInvalid: 'CATEGORY_INVALID',
  CalendarInvalid: 'CALENDAR_INVALID',
} as const;

export type RegistryErrorCode = (typeof RegistryErrorCode)[keyof typeof RegistryErrorCode];
