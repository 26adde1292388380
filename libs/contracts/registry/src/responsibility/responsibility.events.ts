import type { CalendarYearView, CategoryView, DepartmentView } from './responsibility.types';

/** `events.registry.department.changed`: created or updated; the whole department. */
export interface DepartmentChangedEvent {
  department: DepartmentView;
}

/** `events.registry.category.changed`: created or updated; the whole category, so subscribers keep a local copy. */
export interface CategoryChangedEvent {
  category: CategoryView;
}

/** `events.registry.calendar.changed`: a year's holidays and make-up working days were set. */
export interface CalendarChangedEvent {
  calendar: CalendarYearView;
}
