import type { DockerCli } from '../command/cli';
import { CliError } from '../command/errors';
import { encodeBase64 } from '../../lib/base64';
import { utf8Bytes } from '../../lib/utf8';

/**
 * The content a `secret create` or `config create` sends, as the base64 of its bytes: stdin for
 * `-`, else the file. The machine has no files yet but the /dev ones, so any other path fails as
 * Go's os.Open fails on a missing file; /dev/null reads empty.
 */
export async function readContent(cli: DockerCli, file: string): Promise<string> {
  if (file === '-') return encodeBase64(Uint8Array.from(utf8Bytes(await cli.in.readAll())));
  if (file === '/dev/null') return '';
  throw new OpenError(`open ${file}: no such file or directory`);
}

/** Go's *fs.PathError from os.Open, as its text. */
export class OpenError extends CliError {}
