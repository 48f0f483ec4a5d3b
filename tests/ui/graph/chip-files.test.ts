import { describe, expect, it } from 'vitest';
import type { ChipFile, TaskChip } from '../../../src/sim/read-model';
import { chipHoverText, filesBadge } from '../../../src/ui/graph/chip-files';

function chip(files: readonly ChipFile[]): TaskChip {
  return { taskId: 't1', name: 'web.1', state: 'running', desiredState: 'running', files };
}

const SECRET: ChipFile = { source: 'secret', name: 'db_pass_v1', path: '/run/secrets/db_pass' };
const CONFIG: ChipFile = { source: 'config', name: 'site.conf', path: '/etc/site.conf' };

describe("a chip's files badge", () => {
  it('is absent while the container holds no file', () => {
    expect(filesBadge(chip([]))).toBeNull();
    expect(chipHoverText(chip([]))).toBe('web.1: Running');
  });

  it('shows a key once a secret is mounted, a page for configs alone', () => {
    expect(filesBadge(chip([CONFIG]))?.glyph).toBe('config');
    expect(filesBadge(chip([CONFIG, SECRET]))?.glyph).toBe('secret');
  });

  it('lists each file by name and path', () => {
    const badge = filesBadge(chip([SECRET, CONFIG]));
    expect(badge?.paths).toBe('/run/secrets/db_pass /etc/site.conf');
    expect(badge?.label).toBe(
      [
        'web.1 mounts:',
        'secret db_pass_v1 at /run/secrets/db_pass',
        'config site.conf at /etc/site.conf',
      ].join('\n'),
    );
    expect(chipHoverText(chip([SECRET]))).toBe(
      'web.1: Running\nsecret db_pass_v1 at /run/secrets/db_pass',
    );
  });
});
