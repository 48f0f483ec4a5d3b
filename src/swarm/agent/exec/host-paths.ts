import type { Mount } from '../../../api/service';
import type { HostFilesReader } from '../../../machine-api';

/** `/var/log/` and `/var//log` are `/var/log`, as the kernel resolves them. */
function cleanPath(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return `/${parts.join('/')}`;
}

/**
 * moby's check of a task's bind mounts when its container is created
 * (daemon/volume/mounts/linux_parser.go `validateMountConfigImpl`): a bind's source must exist
 * on the node, in the machine's own files. Null when every bind is fine, else moby's error, which rejects the task.
 */
export function bindMountError(mounts: readonly Mount[], files: HostFilesReader): string | null {
  for (const mount of mounts) {
    if ((mount.Type ?? '').toLowerCase() !== 'bind') continue;
    const source = mount.Source ?? '';
    // The node's own files: the VM's standard directories, and whatever its shell made.
    if (!files.exists(cleanPath(source))) {
      return `invalid mount config for type "bind": bind source path does not exist: ${source}`;
    }
  }
  return null;
}
