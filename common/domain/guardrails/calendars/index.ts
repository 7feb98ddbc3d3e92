export { CALENDAR_FORMAT, CalendarError, JURISDICTIONS, calendarFileSchema, parseCalendars } from './schema';
export type { CalendarFile, Jurisdiction } from './schema';
export { CalendarSet, activeCalendars, bundledCalendars, useInstalledCalendars, yearsText } from './set';
export type { DayStatus } from './set';
export { calendarHorizon } from './horizon';
export type { HorizonLine } from './horizon';
