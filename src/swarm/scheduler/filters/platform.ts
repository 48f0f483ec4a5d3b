import { nodes } from '../node-info';
import type { Filter } from './filter';

/**
 * PlatformFilter: only when the spec lists platforms (the CLI fills them from the image's
 * manifest); the node's OS and architecture must be one of them, x86_64 counting as amd64 and
 * aarch64 as arm64.
 */
export const platformFilter: Filter = {
  applies: ({ task }) => (task.Spec.Placement?.Platforms ?? []).length > 0,
  check: ({ task }, node) => {
    const platform = node.record.node.Description.Platform;
    const os = (platform?.OS ?? '').toLowerCase();
    const arch = normalArch(platform?.Architecture ?? '');
    return (task.Spec.Placement?.Platforms ?? []).some(
      (wanted) =>
        (wanted.OS === undefined || wanted.OS === '' || wanted.OS.toLowerCase() === os) &&
        (wanted.Architecture === undefined ||
          wanted.Architecture === '' ||
          normalArch(wanted.Architecture) === arch),
    );
  },
  reason: 'unsupported platform',
  explain: (count) => `unsupported platform on ${nodes(count)}`,
};

function normalArch(arch: string): string {
  const lower = arch.toLowerCase();
  if (lower === 'x86_64') return 'amd64';
  if (lower === 'aarch64') return 'arm64';
  return lower;
}
