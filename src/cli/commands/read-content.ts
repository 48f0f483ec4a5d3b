import type { DockerCli } from '../command/cli';
import { CliError } from '../command/errors';
import { encodeBase64 } from '../../lib/base64';
import { errorText, resolvePath } from '../../lib/filesystem';
import { utf8Bytes } from '../../lib/utf8';

/**
 * The content a `secret create` or `config create` sends, as the base64 of its bytes: stdin for
 * `-`, else the file from the machine's own files (relative to the shell's directory). A file
 * that cannot be read fails as Go's os.Open and io.ReadAll fail: `open x: no such file or
 * directory`, `read x: is a directory`.
 */
export async function readContent(cli: DockerCli, file: string): Promise<string> {
  if (file === '-') return encodeBase64(Uint8Array.from(utf8Bytes(await cli.in.readAll())));
  if (file === '/dev/null') return '';
  const files = cli.host.files;
  if (files === undefined) throw new OpenError(`open ${file}: no such file or directory`);
  const read = await files.read(resolvePath(file, cli.host.cwd ?? '/root'));
  if (read.ok) return encodeBase64(Uint8Array.from(utf8Bytes(read.value)));
  // Go's syscall errors are strerror's texts in lower case.
  const text = errorText(read.error).toLowerCase();
  if (read.error === 'EISDIR') throw new ReadError(`read ${file}: ${text}`);
  throw new OpenError(`open ${file}: ${text}`);
}

/** Go's *fs.PathError from os.Open, as its text. */
export class OpenError extends CliError {}

/** Go's *fs.PathError from reading what was opened (a directory), as its text. */
export class ReadError extends CliError {}
