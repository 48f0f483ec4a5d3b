import type { ChipFile, TaskChip } from '../../sim/read-model';
import { chipTitle } from './task-chips';

/** What a file's glyph shows: a key for a secret, a page for a config. */
export type FileGlyph = ChipFile['source'];

/**
 * The glyphs as SVG paths, stroked, centred on 0,0 and about 8 units across: small enough to
 * sit on an 11-unit chip and still be told apart in flight.
 */
export const GLYPH_PATHS: Readonly<Record<FileGlyph, string>> = {
  secret: 'M -4 0 a 1.8 1.8 0 1 0 3.6 0 a 1.8 1.8 0 1 0 -3.6 0 M -0.4 0 H 4 M 2.4 0 V 2 M 4 0 V 2',
  config: 'M -2.5 -3.5 H 1 L 2.5 -2 V 3.5 H -2.5 Z M -1.2 -0.6 H 1.2 M -1.2 1.4 H 1.2',
};

/** The badge a chip wears while its container holds files: what it shows and what it says. */
export interface FilesBadge {
  /** A key as soon as one secret is mounted; a page when only configs are. */
  readonly glyph: FileGlyph;
  /** The paths, space-separated, for the badge's `data-files`. */
  readonly paths: string;
  /** One line per file, `secret db_pass at /run/secrets/db_pass`: never what a file holds. */
  readonly lines: readonly string[];
  /** Hover and screen-reader text: the task, then its lines. */
  readonly label: string;
}

/** The chip's badge, or null when its container holds no secret or config now. */
export function filesBadge(chip: TaskChip): FilesBadge | null {
  if (chip.files.length === 0) return null;
  const glyph = chip.files.some((file) => file.source === 'secret') ? 'secret' : 'config';
  const lines = chip.files.map((file) => `${file.source} ${file.name} at ${file.path}`);
  return {
    glyph,
    paths: chip.files.map((file) => file.path).join(' '),
    lines,
    label: [`${chip.name} mounts:`, ...lines].join('\n'),
  };
}

/** What a chip says on hover: its state, then the files its container holds, if any. */
export function chipHoverText(chip: TaskChip): string {
  const badge = filesBadge(chip);
  return [chipTitle(chip), ...(badge?.lines ?? [])].join('\n');
}
