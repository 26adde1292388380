/** How many rejected rows a report lists (IMPORT_REPORT_MAX_REJECTIONS); beyond them only the count grows. */
export const IMPORT_REPORT_SETTINGS = Symbol('IMPORT_REPORT_SETTINGS');
export interface ImportReportSettings {
  maxRejections: number;
}
