/** Virtual time as the page shows it: `mm:ss`, growing to `h:mm:ss` after an hour. */
export function formatClock(timeMs: number): string {
  const totalSeconds = Math.floor(timeMs / 1000);
  const seconds = totalSeconds % 60;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  const mmss = `${pad2(minutes)}:${pad2(seconds)}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

function pad2(value: number): string {
  return value.toString().padStart(2, '0');
}
