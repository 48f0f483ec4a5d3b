/**
 * Path arithmetic as the kernel does it for an absolute path: empty parts and `.` vanish, `..`
 * climbs (and stays at `/` at the root). No symlinks exist, so no resolution can loop.
 */

/** The parts of an absolute path after `.` and `..` are resolved: `/a/./b/../c` is `['a', 'c']`. */
export function pathParts(path: string): string[] {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts;
}

/** `path` resolved against `cwd` when relative, then cleaned: `('x/../y', '/root')` is `/root/y`. */
export function resolvePath(path: string, cwd: string): string {
  const absolute = path.startsWith('/') ? path : `${cwd}/${path}`;
  return `/${pathParts(absolute).join('/')}`;
}

/** The directory holding `path` (`/` for `/`). */
export function parentPath(path: string): string {
  const parts = pathParts(path);
  parts.pop();
  return `/${parts.join('/')}`;
}

/** The last part of `path`; '' for `/`. */
export function baseName(path: string): string {
  return pathParts(path).at(-1) ?? '';
}
