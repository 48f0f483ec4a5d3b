import type { Mount } from '../../../api/service';

/**
 * What a lab machine's own filesystem holds, as far as a bind mount can see it: the
 * directories and files of a Debian VM running Docker. The machines have no filesystem of
 * their own yet (the secrets issue brings one); until then a bind of anything else fails as a
 * bind of a missing path does.
 */
const HOST_PATHS: ReadonlySet<string> = new Set([
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/etc/hostname',
  '/etc/hosts',
  '/etc/localtime',
  '/etc/passwd',
  '/etc/group',
  '/etc/resolv.conf',
  '/home',
  '/lib',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/run/docker.sock',
  '/sbin',
  '/srv',
  '/sys',
  '/tmp',
  '/usr',
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/share',
  '/var',
  '/var/lib',
  '/var/lib/docker',
  '/var/log',
  '/var/run',
  '/var/run/docker.sock',
  '/var/tmp',
]);

/** `/var/log/` and `/var//log` are `/var/log`, as the kernel resolves them. */
function cleanPath(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return `/${parts.join('/')}`;
}

/**
 * moby's check of a task's bind mounts when its container is created
 * (daemon/volume/mounts/linux_parser.go `validateMountConfigImpl`): a bind's source must exist
 * on the node. Null when every bind is fine, else moby's error, which rejects the task.
 */
export function bindMountError(mounts: readonly Mount[]): string | null {
  for (const mount of mounts) {
    if ((mount.Type ?? '').toLowerCase() !== 'bind') continue;
    const source = mount.Source ?? '';
    if (!HOST_PATHS.has(cleanPath(source))) {
      return `invalid mount config for type "bind": bind source path does not exist: ${source}`;
    }
  }
  return null;
}
