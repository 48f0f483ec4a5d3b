import { absolutePath, resolvePath } from '../rootfs/tree';
import { envValue, type ProcessContext } from './process';

export type LookOutcome =
  | {
      readonly ok: true;
      /** The program it is: the file's name, or for a BusyBox link the name it was run by. */
      readonly program: string;
    }
  | { readonly ok: false; readonly error: string };

/**
 * How runc finds the program of `exec` (Go's exec.LookPath over the process's PATH): a name
 * with a slash is taken as a path; any other is searched in each PATH directory in turn.
 */
export function lookPath(name: string, context: ProcessContext): LookOutcome {
  if (name.includes('/')) {
    const path = absolutePath(context.cwd, name);
    const found = resolvePath(context.fs, path);
    if (!found.ok) {
      return { ok: false, error: `exec: "${name}": stat ${name}: no such file or directory` };
    }
    if (found.entry.kind !== 'file') {
      return { ok: false, error: `exec: "${name}": permission denied` };
    }
    return { ok: true, program: programName(name, found.path) };
  }
  const dirs = (envValue(context.env, 'PATH') ?? '').split(':').filter((dir) => dir !== '');
  for (const dir of dirs) {
    const found = resolvePath(context.fs, absolutePath(context.cwd, `${dir}/${name}`));
    if (found.ok && found.entry.kind === 'file' && (found.entry.mode & 0o111) !== 0) {
      return { ok: true, program: programName(name, found.path) };
    }
  }
  return { ok: false, error: `exec: "${name}": executable file not found in $PATH` };
}

/** BusyBox runs the applet its link is named after; any other file is its own program. */
function programName(invoked: string, resolved: string): string {
  const file = resolved.slice(resolved.lastIndexOf('/') + 1);
  return file === 'busybox' ? invoked.slice(invoked.lastIndexOf('/') + 1) : file;
}
