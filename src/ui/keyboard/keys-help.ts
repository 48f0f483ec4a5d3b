import { REGION_NAMES, REGIONS } from './regions';

/** One line of the help panel: the keys, where they work, what they do. */
export interface KeyHelp {
  readonly keys: string;
  readonly where: string;
  readonly does: string;
}

/**
 * The page's keys, declared once: the help panel (`?`) renders this list, and a test checks
 * that the README lists every one of them.
 */
export const KEY_HELP: readonly KeyHelp[] = [
  {
    keys: 'F6 / Shift+F6',
    where: 'anywhere',
    does: `move to the next / previous region: ${REGIONS.map((region) => REGION_NAMES[region]).join(', ')}`,
  },
  { keys: '?', where: 'outside the terminal', does: 'open this help' },
  { keys: 'Escape', where: 'this help', does: 'close it' },
  { keys: 'Tab', where: 'terminal', does: 'complete a command, a flag or a name' },
  {
    keys: 'Escape, then Tab / Shift+Tab',
    where: 'terminal',
    does: 'leave the terminal, forward / backward',
  },
  { keys: 'Ctrl+Shift+C / Ctrl+Shift+V', where: 'terminal', does: 'copy / paste' },
  {
    keys: 'Arrow keys, Home, End',
    where: 'terminal tabs, cluster graph',
    does: 'move between the tabs, or between the machines',
  },
  { keys: 'Enter', where: 'terminal tabs, cluster graph', does: "open the machine's terminal" },
  {
    keys: 'Space',
    where: 'cluster graph',
    does: 'select the machine and show its actions (Stop docker, Raft log, Remove) above the graph; Shift+Tab reaches them',
  },
  {
    keys: 'Left / Right arrows',
    where: 'the bar between terminal and graph',
    does: 'share the width',
  },
];
