/**
 * The plain data of a machine's filesystem and of the requests made of it. Everything here
 * crosses workers and goes into saves, so it is JSON-safe: no classes, no Maps.
 */

export const NODE_KINDS = ['file', 'directory'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** One file or directory. Text only: every program of the playground reads and writes text. */
export interface FileNode {
  readonly kind: NodeKind;
  /** Permission bits (0o644, 0o755). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Last modification, Unix milliseconds on the machine's wall clock. */
  readonly mtimeMs: number;
  /** A file's content; '' for a directory. */
  readonly text: string;
}

/** The whole filesystem: absolute clean path → node. `/` is always present. */
export interface FileSystemData {
  readonly nodes: Readonly<Record<string, FileNode>>;
}

/** The errno values the playground's filesystem can answer, as the C library names them. */
export const FILE_ERRORS = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EFBIG: 'File too large',
  ENOSPC: 'No space left on device',
  EBUSY: 'Device or resource busy',
} as const;
export type FileError = keyof typeof FILE_ERRORS;

/** strerror(errno): what coreutils and bash print after the name. */
export function errorText(error: FileError): string {
  return FILE_ERRORS[error];
}

/** What `stat` says of one node, and what `ls` lists. */
export interface FileInfo {
  readonly name: string;
  readonly kind: NodeKind;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** Directories: 2 plus the subdirectories; files: 1. */
  readonly links: number;
}

/**
 * Every request a program may make of the filesystem. Paths are absolute (the shell resolves
 * them against its working directory). `write` with `append: false` truncates first, as `>`
 * does; with `text: ''` it only creates or truncates, as opening the file does.
 */
export type FileRequest =
  | { readonly op: 'stat'; readonly path: string }
  | { readonly op: 'read'; readonly path: string }
  | { readonly op: 'list'; readonly path: string }
  | { readonly op: 'write'; readonly path: string; readonly text: string; readonly append: boolean }
  | { readonly op: 'mkdir'; readonly path: string; readonly parents: boolean }
  | { readonly op: 'remove'; readonly path: string; readonly recursive: boolean }
  | { readonly op: 'touch'; readonly path: string };

export type FileOp = FileRequest['op'];

/** Requests that change nothing: answered from any copy, never recorded as inputs. */
export const READ_OPS: ReadonlySet<FileOp> = new Set<FileOp>(['stat', 'read', 'list']);

export function isReadRequest(request: FileRequest): boolean {
  return READ_OPS.has(request.op);
}

/** What each request answers when it succeeds. */
export interface FileValues {
  readonly stat: FileInfo;
  readonly read: string;
  /** A directory's entries by name; a file lists as itself, as `ls file` does. */
  readonly list: { readonly directory: boolean; readonly entries: readonly FileInfo[] };
  readonly write: null;
  readonly mkdir: null;
  readonly remove: null;
  readonly touch: null;
}

export type FileAnswer<O extends FileOp> =
  | { readonly ok: true; readonly value: FileValues[O] }
  /** `path` is the path the error is about (a missing parent, a part that is a file). */
  | { readonly ok: false; readonly error: FileError; readonly path: string };

export type AnyFileAnswer = { [O in FileOp]: FileAnswer<O> }[FileOp];

/** A request as it arrives across a worker boundary: checked field by field before use. */
export function isFileRequest(value: unknown): value is FileRequest {
  if (typeof value !== 'object' || value === null) return false;
  const fields: { readonly [key: string]: unknown } = { ...value };
  if (typeof fields.path !== 'string') return false;
  switch (fields.op) {
    case 'stat':
    case 'read':
    case 'list':
    case 'touch':
      return true;
    case 'write':
      return typeof fields.text === 'string' && typeof fields.append === 'boolean';
    case 'mkdir':
      return typeof fields.parents === 'boolean';
    case 'remove':
      return typeof fields.recursive === 'boolean';
    default:
      return false;
  }
}
