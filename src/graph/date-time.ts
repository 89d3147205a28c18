/**
 * Graph's `dateTimeTimeZone` values and wall-clock arithmetic in a named time zone.
 */
import { wallClock } from '../domain/date-format.js';

/** Graph's date-time with a zone: `{ dateTime: '2026-11-20T09:00:00.0000000', timeZone: 'UTC' }`. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** The Windows zone names Dutch tenants use most, mapped to IANA. */
const windowsZones: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Amsterdam',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
};

/** An instant as Graph's UTC `dateTimeTimeZone` (we always send UTC, so no zone mapping is needed on the way out). */
export function toGraphDateTime(iso: string | number): DateTimeTimeZone {
  return { dateTime: new Date(iso).toISOString().replace('Z', ''), timeZone: 'UTC' };
}

/**
 * Parses Graph's `{ dateTime, timeZone }` to epoch milliseconds. We ask for UTC (`Prefer: outlook.timezone="UTC"`);
 * other zones are read through Intl, Windows names included where mapped.
 */
export function parseDateTimeTimeZone(value: DateTimeTimeZone): number | undefined {
  const local = value.dateTime.replace(/(\.\d{3})\d*$/, '$1');
  const asUtc = Date.parse(`${local}Z`);
  if (Number.isNaN(asUtc)) return undefined;
  const zone = value.timeZone;
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Coordinated Universal Time') return asUtc;
  const iana = windowsZones[zone] ?? zone;
  if (!knownZone(iana)) return asUtc; // An unknown zone name: read it as UTC rather than fail the whole lookup.
  // The offset at the guessed instant; correct except within the hour of a DST switch.
  return asUtc - zoneOffsetMs(iana, asUtc - zoneOffsetMs(iana, asUtc));
}

/** Whether Intl knows the IANA zone. */
export function knownZone(timeZone: string): boolean {
  return timeZone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(timeZone);
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(timeZone: string, at: number): number {
  const wall = wallClock(timeZone, at);
  return (
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
    Math.floor(at / 1000) * 1000
  );
}
