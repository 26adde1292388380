/** Where a matter lands when no department owns it. */
export const OWNER_LEVELS = ['grid', 'community', 'street'] as const;
export type OwnerLevel = (typeof OWNER_LEVELS)[number];

export const TIME_LIMIT_UNITS = ['working_hours', 'working_days', 'natural_hours', 'natural_days'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export const URGENCY_LEVELS = ['normal', 'urgent', 'critical'] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

/** A time limit: e.g. 2 working days, 24 natural hours. */
export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** Who owns a category of matter: a level of the grid map, or a department (exactly one). */
export type CategoryOwner = { level: OwnerLevel; departmentCode: null } | { level: null; departmentCode: string };

export interface DepartmentView {
  code: string;
  name: string;
  contact: string | null;
  active: boolean;
  updatedAt: string;
}

/** A matter category of the responsibility list (责任清单): a major category or a minor one beneath it. */
/** How a category's detail is answered: Open311's attribute datatypes. */
export const CATEGORY_DETAIL_TYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type CategoryDetailType = (typeof CATEGORY_DETAIL_TYPES)[number];

/**
 * A detail a report of the category carries besides its place and text (the floor of a leaking pipe, the kind of
 * animal): shown to Open311 clients as a service attribute, and asked for on intake when `required`.
 */
export interface CategoryDetail {
  code: string;
  description: string;
  datatype: CategoryDetailType;
  required: boolean;
  /** The choices of a single or multiple value list. */
  values: { key: string; name: string }[];
}

export interface CategoryView {
  code: string;
  name: string;
  parentCode: string | null;
  kind: 'major' | 'minor';
  owner: CategoryOwner | null;
  acceptLimit: TimeLimit | null;
  handleLimit: TimeLimit | null;
  urgency: UrgencyLevel;
  /** What a report of the category must or may say besides its place and text (a minor category's). */
  details: CategoryDetail[];
  active: boolean;
  updatedAt: string;
}

/** A major category with its minor ones, as GET /api/v1/categories answers. */
export interface CategoryTreeView extends CategoryView {
  children: CategoryView[];
}

/** The working-day calendar of one year: holidays off, make-up working days (调休) on, weekends off otherwise. */
export interface CalendarYearView {
  year: number;
  holidays: string[];
  workdays: string[];
}

/**
 * A year of the calendar as it is in force (GET /api/v1/calendar/:year). `provisional`: the State Council's notice
 * for the year is not loaded, so the holidays are only those the law fixes (New Year's Day, the Spring Festival,
 * Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day, a weekend holiday made up on the next working day)
 * and there are no make-up working days; loading the notice (PUT) replaces the year.
 */
export interface CalendarYearInForceView extends CalendarYearView {
  provisional: boolean;
}

/** A deadline computed on the working-day calendar. */
export interface DeadlineView {
  from: string;
  limit: TimeLimit;
  deadline: string;
  /** Whether a year the limit runs through is only provisional: the deadline may move when its notice is loaded. */
  provisional: boolean;
  /** The provisional years from the start to the deadline (empty when none). */
  provisionalYears: number[];
}
