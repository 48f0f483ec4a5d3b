/**
 * A container's root filesystem as plain data: entries by absolute path, each a directory, a
 * file with its text, or a symbolic link. It is built from layers (./layers.ts), a later layer
 * replacing what an earlier one put at the same path, as overlayfs shows an image's layers and
 * then the container's own files; a mount (a secret under /run/secrets, a volume) is one more
 * layer on top.
 */
export type FsEntry =
  | { readonly kind: 'dir'; readonly mode: number; readonly mtimeMs: number }
  | {
      readonly kind: 'file';
      readonly mode: number;
      readonly mtimeMs: number;
      readonly text: string;
    }
  | { readonly kind: 'link'; readonly target: string; readonly mtimeMs: number };

export interface Filesystem {
  readonly entries: ReadonlyMap<string, FsEntry>;
}

/** One layer's entries; the parent directories of a path are made when missing. */
export type Layer = readonly (readonly [string, FsEntry])[];

export function buildFilesystem(layers: readonly Layer[]): Filesystem {
  const entries = new Map<string, FsEntry>([['/', dirEntry(0o755, 0)]]);
  for (const layer of layers) {
    for (const [path, entry] of layer) {
      for (const parent of parents(path)) {
        if (!entries.has(parent)) entries.set(parent, dirEntry(0o755, entry.mtimeMs));
      }
      entries.set(path, entry);
    }
  }
  return { entries };
}

export function dirEntry(mode: number, mtimeMs: number): FsEntry {
  return { kind: 'dir', mode, mtimeMs };
}

function parents(path: string): string[] {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.slice(0, -1).map((_part, index) => `/${parts.slice(0, index + 1).join('/')}`);
}

/** `path` made absolute against `cwd`, with `.` and `..` resolved (no links followed). */
export function absolutePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export type Resolved =
  | { readonly ok: true; readonly path: string; readonly entry: FsEntry }
  | { readonly ok: false; readonly reason: 'missing' | 'not-dir' };

/**
 * The entry at `path`, following links in every component (and in the last one unless
 * `lstat`), as the kernel's path walk does; at most 40 links, as Linux allows.
 */
export function resolvePath(fs: Filesystem, path: string, lstat = false): Resolved {
  let pending = absolutePath('/', path)
    .split('/')
    .filter((part) => part !== '');
  let current = '/';
  let hops = 0;
  while (pending.length > 0) {
    const [part = '', ...rest] = pending;
    const here = fs.entries.get(current);
    if (here?.kind !== 'dir') return { ok: false, reason: 'not-dir' };
    const next = current === '/' ? `/${part}` : `${current}/${part}`;
    const entry = fs.entries.get(next);
    if (entry === undefined) return { ok: false, reason: 'missing' };
    if (entry.kind === 'link' && (rest.length > 0 || !lstat)) {
      if (++hops > 40) return { ok: false, reason: 'missing' };
      const target = absolutePath(current, entry.target);
      pending = [...target.split('/').filter((p) => p !== ''), ...rest];
      current = '/';
      continue;
    }
    current = next;
    pending = rest;
  }
  const entry = fs.entries.get(current);
  return entry === undefined
    ? { ok: false, reason: 'missing' }
    : { ok: true, path: current, entry };
}

/** The names in directory `path` (already resolved), sorted as `ls` sorts them in the C locale. */
export function childNames(fs: Filesystem, path: string): string[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  const names: string[] = [];
  for (const key of fs.entries.keys()) {
    if (key === path || !key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (!rest.includes('/')) names.push(rest);
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
