/**
 * Go's time formatting for the two layouts `docker version` needs, without the host's clock:
 * the daemon's RFC 3339 build time is reprinted as time.ANSIC (`Wed Jan 22 13:41:48 2025`).
 */
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** docker's reformatDate: RFC 3339 in, ANSIC out (in the zone the text was written in). */
export function reformatDate(text: string): string {
  const match = RFC3339.exec(text);
  if (match === null) return text;
  const [, year = '', month = '', day = '', hour = '', minute = '', second = ''] = match;
  // The weekday of a calendar date does not depend on the zone, so UTC arithmetic is safe here.
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  const paddedDay = String(Number(day)).padStart(2, ' ');
  const monthName = MONTHS[Number(month) - 1] ?? '';
  return `${WEEKDAYS[weekday] ?? ''} ${monthName} ${paddedDay} ${hour}:${minute}:${second} ${year}`;
}
