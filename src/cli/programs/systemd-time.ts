/**
 * systemd's timestamps as `systemctl status` prints them (systemd 252, Debian 12):
 * `Wed 2026-11-25 09:00:01 UTC` and the relative `5min ago` (time-util.c format_timestamp_style
 * and format_timestamp_relative). Machines run in UTC.
 */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(value: number): string {
  return value.toString().padStart(2, '0');
}

function clock(date: Date): string {
  return `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
}

export function systemdTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  return `${WEEKDAYS[date.getUTCDay()] ?? ''} ${day} ${clock(date)} UTC`;
}

/** The journal's short timestamp: `Nov 25 09:00:01`. */
export function journalTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${pad2(date.getUTCDate())} ${clock(date)}`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** format_timestamp_relative for spans under a month, which is all a playground session sees. */
export function systemdRelative(elapsedMs: number): string {
  const d = Math.max(0, elapsedMs);
  const whole = (unit: number) => Math.floor(d / unit);
  const rest = (unit: number, part: number) => Math.floor((d % unit) / part);
  if (d >= WEEK) return `${whole(WEEK)} weeks ${rest(WEEK, DAY)} days ago`;
  if (d >= 2 * DAY) return `${whole(DAY)} days ago`;
  if (d >= 25 * HOUR) return `${whole(DAY)} day ${rest(DAY, HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${whole(HOUR)}h ago`;
  if (d >= HOUR) return `${whole(HOUR)}h ${rest(HOUR, MINUTE)}min ago`;
  if (d >= 5 * MINUTE) return `${whole(MINUTE)}min ago`;
  if (d >= MINUTE) return `${whole(MINUTE)}min ${rest(MINUTE, SECOND)}s ago`;
  if (d >= SECOND) return `${whole(SECOND)}s ago`;
  if (d >= 1) return `${Math.floor(d)}ms ago`;
  return 'now';
}
