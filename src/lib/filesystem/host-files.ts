import type {
  AnyFileAnswer,
  FileAnswer,
  FileError,
  FileInfo,
  FileRequest,
  FileValues,
} from './types';
import { FILE_ERRORS } from './types';

/**
 * A machine's files as a program reaches them: one method per request, each answer checked
 * for its shape, since it comes back across workers (page → coordinator → machine).
 */
export interface HostFiles {
  stat(path: string): Promise<FileAnswer<'stat'>>;
  read(path: string): Promise<FileAnswer<'read'>>;
  list(path: string): Promise<FileAnswer<'list'>>;
  /** `append: false` truncates first (`>`); `text: ''` only creates or truncates. */
  write(path: string, text: string, append: boolean): Promise<FileAnswer<'write'>>;
  mkdir(path: string, parents: boolean): Promise<FileAnswer<'mkdir'>>;
  remove(path: string, recursive: boolean): Promise<FileAnswer<'remove'>>;
  touch(path: string): Promise<FileAnswer<'touch'>>;
}

type Send = (request: FileRequest) => Promise<AnyFileAnswer>;

export function hostFilesOver(send: Send): HostFiles {
  return {
    stat: async (path) => narrow(await send({ op: 'stat', path }), isInfo),
    read: async (path) => narrow(await send({ op: 'read', path }), isText),
    list: async (path) => narrow(await send({ op: 'list', path }), isListing),
    write: async (path, text, append) =>
      narrow(await send({ op: 'write', path, text, append }), isNull),
    mkdir: async (path, parents) => narrow(await send({ op: 'mkdir', path, parents }), isNull),
    remove: async (path, recursive) =>
      narrow(await send({ op: 'remove', path, recursive }), isNull),
    touch: async (path) => narrow(await send({ op: 'touch', path }), isNull),
  };
}

class FileAnswerError extends Error {}

function narrow<T>(
  answer: AnyFileAnswer,
  check: (value: unknown) => value is T,
): { ok: true; value: T } | { ok: false; error: FileError; path: string } {
  if (!answer.ok) {
    if (!(answer.error in FILE_ERRORS)) throw new FileAnswerError('unknown file error');
    return answer;
  }
  const { value } = answer;
  if (!check(value)) throw new FileAnswerError('a file answer does not fit its request');
  return { ok: true, value };
}

function isNull(value: unknown): value is null {
  return value === null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isInfo(value: unknown): value is FileInfo {
  if (typeof value !== 'object' || value === null) return false;
  const fields: { readonly [key: string]: unknown } = { ...value };
  return typeof fields.name === 'string' && typeof fields.size === 'number';
}

function isListing(value: unknown): value is FileValues['list'] {
  if (typeof value !== 'object' || value === null) return false;
  const fields: { readonly [key: string]: unknown } = { ...value };
  return (
    typeof fields.directory === 'boolean' &&
    Array.isArray(fields.entries) &&
    fields.entries.every((entry) => isInfo(entry))
  );
}
