import { baseName, parentPath, pathParts } from './paths';
import type {
  AnyFileAnswer,
  FileAnswer,
  FileError,
  FileInfo,
  FileNode,
  FileRequest,
  FileSystemData,
} from './types';

/**
 * A machine's own files: an in-memory tree of directories and text files, owned by root, with
 * the limits a small lab VM's disk would hit sooner or later. It knows nothing of shells or
 * docker: programs format its errno answers themselves, each in its own words.
 */

/** The largest file, in UTF-8 bytes: a compose file or a secret is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** All files together, in UTF-8 bytes; saves and moves carry every byte. */
export const MAX_TOTAL_BYTES = 8 * 1024 * 1024;
/** Files and directories together. */
export const MAX_NODES = 10_000;

const FILE_MODE = 0o644;
const DIRECTORY_MODE = 0o755;

/**
 * The directories and files of a Debian VM running Docker, present on every machine (bind
 * mounts of them must work, `ls /` must not be empty). `/root` is the shell's home.
 */
const STANDARD_DIRECTORIES = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/media',
  '/mnt',
  '/opt',
  '/proc',
  '/root',
  '/run',
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
  '/var/tmp',
] as const;

/** Files with fixed content; the sockets are files here, as far as a bind mount can tell. */
function standardFiles(hostname: string): readonly (readonly [string, string])[] {
  return [
    ['/etc/hostname', `${hostname}\n`],
    ['/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${hostname}\n`],
    ['/etc/localtime', ''],
    ['/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n'],
    ['/etc/group', 'root:x:0:\n'],
    ['/etc/resolv.conf', 'nameserver 10.0.0.2\n'],
    ['/run/docker.sock', ''],
    ['/var/run/docker.sock', ''],
  ];
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function failure(error: FileError, path: string): { ok: false; error: FileError; path: string } {
  return { ok: false, error, path };
}

const done = { ok: true, value: null } as const;

export class FileSystem {
  readonly #nodes: Map<string, FileNode>;
  #totalBytes: number;

  private constructor(nodes: Map<string, FileNode>) {
    this.#nodes = nodes;
    this.#totalBytes = 0;
    for (const node of nodes.values()) this.#totalBytes += utf8Bytes(node.text);
  }

  /** A new machine's filesystem: the VM's standard tree, an empty `/root`. */
  static standard(hostname: string, mtimeMs: number): FileSystem {
    const directory = (): FileNode => node('directory', DIRECTORY_MODE, mtimeMs, '');
    const nodes = new Map<string, FileNode>([['/', directory()]]);
    for (const path of STANDARD_DIRECTORIES) nodes.set(path, directory());
    for (const [path, text] of standardFiles(hostname)) {
      nodes.set(path, node('file', FILE_MODE, mtimeMs, text));
    }
    nodes.set('/root', { ...directory(), mode: 0o700 });
    return new FileSystem(nodes);
  }

  static fromData(data: FileSystemData): FileSystem {
    return new FileSystem(new Map(Object.entries(data.nodes)));
  }

  toData(): FileSystemData {
    return { nodes: Object.fromEntries(this.#nodes) };
  }

  /** Answers one request; `nowMs` (the machine's wall clock) stamps what it changes. */
  apply(request: FileRequest, nowMs: number): AnyFileAnswer {
    switch (request.op) {
      case 'stat':
        return this.stat(request.path);
      case 'read':
        return this.read(request.path);
      case 'list':
        return this.list(request.path);
      case 'write':
        return this.write(request.path, request.text, request.append, nowMs);
      case 'mkdir':
        return this.mkdir(request.path, request.parents, nowMs);
      case 'remove':
        return this.remove(request.path, request.recursive, nowMs);
      case 'touch':
        return this.touch(request.path, nowMs);
    }
  }

  /** True when `path` names a file or directory (a bind mount's source check). */
  exists(path: string): boolean {
    return this.#lookup(path).ok;
  }

  stat(path: string): FileAnswer<'stat'> {
    const found = this.#lookup(path);
    if (!found.ok) return found;
    return { ok: true, value: this.#info(found.path, found.node) };
  }

  read(path: string): FileAnswer<'read'> {
    const found = this.#lookup(path);
    if (!found.ok) return found;
    if (found.node.kind === 'directory') return failure('EISDIR', found.path);
    return { ok: true, value: found.node.text };
  }

  list(path: string): FileAnswer<'list'> {
    const found = this.#lookup(path);
    if (!found.ok) return found;
    if (found.node.kind === 'file') {
      return {
        ok: true,
        value: { directory: false, entries: [this.#info(found.path, found.node)] },
      };
    }
    const entries = this.#children(found.path).map(([child, node]) => this.#info(child, node));
    return { ok: true, value: { directory: true, entries } };
  }

  write(path: string, text: string, append: boolean, nowMs: number): FileAnswer<'write'> {
    const target = this.#creatable(path);
    if (!target.ok) return target;
    const existing = this.#nodes.get(target.path);
    if (existing?.kind === 'directory') return failure('EISDIR', target.path);
    const before = existing?.text ?? '';
    const after = append ? before + text : text;
    const grow = utf8Bytes(after) - utf8Bytes(before);
    if (utf8Bytes(after) > MAX_FILE_BYTES) return failure('EFBIG', target.path);
    if (this.#totalBytes + grow > MAX_TOTAL_BYTES) return failure('ENOSPC', target.path);
    if (existing === undefined && this.#nodes.size >= MAX_NODES) {
      return failure('ENOSPC', target.path);
    }
    this.#totalBytes += grow;
    this.#nodes.set(target.path, {
      ...(existing ?? node('file', FILE_MODE, nowMs, '')),
      mtimeMs: nowMs,
      text: after,
    });
    if (existing === undefined) this.#touchParent(target.path, nowMs);
    return done;
  }

  mkdir(path: string, parents: boolean, nowMs: number): FileAnswer<'mkdir'> {
    const parts = pathParts(path);
    if (!parents) {
      const target = this.#creatable(path);
      if (!target.ok) return target;
      if (this.#nodes.has(target.path)) return failure('EEXIST', target.path);
      return this.#makeDirectory(target.path, nowMs);
    }
    let current = '';
    for (const part of parts) {
      current = `${current}/${part}`;
      const existing = this.#nodes.get(current);
      if (existing?.kind === 'directory') continue;
      // `mkdir -p` over a file fails on that file, as mkdir(2) would with EEXIST.
      if (existing !== undefined)
        return failure(current === `/${parts.join('/')}` ? 'EEXIST' : 'ENOTDIR', current);
      const made = this.#makeDirectory(current, nowMs);
      if (!made.ok) return made;
    }
    return done;
  }

  remove(path: string, recursive: boolean, nowMs: number): FileAnswer<'remove'> {
    const found = this.#lookup(path);
    if (!found.ok) return found;
    if (found.path === '/') return failure('EBUSY', '/');
    if (found.node.kind === 'directory') {
      if (!recursive) return failure('EISDIR', found.path);
      for (const [child] of this.#descendants(found.path)) this.#drop(child);
    }
    this.#drop(found.path);
    this.#touchParent(found.path, nowMs);
    return done;
  }

  touch(path: string, nowMs: number): FileAnswer<'touch'> {
    const found = this.#lookup(path);
    if (found.ok) {
      this.#nodes.set(found.path, { ...found.node, mtimeMs: nowMs });
      return done;
    }
    return this.write(path, '', true, nowMs);
  }

  #makeDirectory(path: string, nowMs: number): FileAnswer<'mkdir'> {
    if (this.#nodes.size >= MAX_NODES) return failure('ENOSPC', path);
    this.#nodes.set(path, node('directory', DIRECTORY_MODE, nowMs, ''));
    this.#touchParent(path, nowMs);
    return done;
  }

  #drop(path: string): void {
    const existing = this.#nodes.get(path);
    if (existing === undefined) return;
    this.#totalBytes -= utf8Bytes(existing.text);
    this.#nodes.delete(path);
  }

  #touchParent(path: string, nowMs: number): void {
    const parent = parentPath(path);
    const existing = this.#nodes.get(parent);
    if (existing !== undefined) this.#nodes.set(parent, { ...existing, mtimeMs: nowMs });
  }

  /**
   * Walks `path` part by part as the kernel does: a missing part is ENOENT, a file in the
   * middle ENOTDIR; either names the path as given.
   */
  #lookup(
    path: string,
  ): { ok: true; path: string; node: FileNode } | { ok: false; error: FileError; path: string } {
    const parts = pathParts(path);
    let current = '';
    let found = this.#nodes.get('/');
    for (const part of parts) {
      if (found === undefined) return failure('ENOENT', path);
      if (found.kind !== 'directory') return failure('ENOTDIR', path);
      current = `${current}/${part}`;
      found = this.#nodes.get(current);
    }
    if (found === undefined) return failure('ENOENT', path);
    // `file/` names a directory that is not one.
    if (found.kind === 'file' && path.endsWith('/')) return failure('ENOTDIR', path);
    return { ok: true, path: current === '' ? '/' : current, node: found };
  }

  /** Where a new node may go: its parent must be an existing directory. */
  #creatable(
    path: string,
  ): { ok: true; path: string } | { ok: false; error: FileError; path: string } {
    const parts = pathParts(path);
    if (parts.length === 0) return { ok: true, path: '/' };
    const parent = this.#lookup(`/${parts.slice(0, -1).join('/')}`);
    if (!parent.ok) return failure(parent.error, path);
    if (parent.node.kind !== 'directory') return failure('ENOTDIR', path);
    return { ok: true, path: `/${parts.join('/')}` };
  }

  #children(directory: string): [string, FileNode][] {
    const prefix = directory === '/' ? '/' : `${directory}/`;
    return [...this.#nodes]
      .filter(
        ([path]) =>
          path !== '/' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/'),
      )
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  #descendants(directory: string): [string, FileNode][] {
    const prefix = `${directory}/`;
    return [...this.#nodes].filter(([path]) => path.startsWith(prefix));
  }

  #info(path: string, found: FileNode): FileInfo {
    const subdirectories =
      found.kind === 'directory'
        ? this.#children(path).filter(([, child]) => child.kind === 'directory').length
        : 0;
    return {
      name: path === '/' ? '/' : baseName(path),
      kind: found.kind,
      mode: found.mode,
      uid: found.uid,
      gid: found.gid,
      size: found.kind === 'directory' ? 4096 : utf8Bytes(found.text),
      mtimeMs: found.mtimeMs,
      links: found.kind === 'directory' ? 2 + subdirectories : 1,
    };
  }
}

function node(kind: FileNode['kind'], mode: number, mtimeMs: number, text: string): FileNode {
  return { kind, mode, uid: 0, gid: 0, mtimeMs, text };
}
