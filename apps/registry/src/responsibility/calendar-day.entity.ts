import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A configured exception to the weekly rhythm: a holiday (off) or a make-up working day (调休, on). */
@Entity({ tableName: 'calendar_day' })
export class CalendarDayEntity {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'text' })
  kind!: 'holiday' | 'workday';
}
