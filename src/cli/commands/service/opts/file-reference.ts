import type { ConfigReference, FileTarget, SecretReference } from '../../../../api/service';
import { InvalidValueError, type FlagValue } from '../../../flags';
import { parseGoUint } from '../../../flags/go-strconv';
import { readCsvRecord } from './csv';

/**
 * opts.SecretOpt and opts.ConfigOpt (docker/cli opts/secret.go, config.go): `--secret NAME`
 * mounts the secret NAME at target NAME, as root, mode 0444; the long form is CSV with
 * `source`/`src`, `target`, `uid`, `gid` and `mode` (Go's ParseUint with base prefix, so `0400`
 * is octal and `400` decimal). The ID is filled in later, by the CLI's lookup by name.
 */
export interface FileReferenceRequest {
  readonly name: string;
  readonly file: FileTarget;
}

export class FileReferenceValue implements FlagValue {
  readonly requests: FileReferenceRequest[] = [];

  constructor(private readonly noun: 'secret' | 'config') {}

  set(raw: string): void {
    const fields = readCsvRecord(raw);
    const file = { Name: '', UID: '0', GID: '0', Mode: 0o444 };
    const [only] = fields;
    if (fields.length === 1 && only !== undefined && !only.includes('=')) {
      this.requests.push({ name: only, file: { ...file, Name: only } });
      return;
    }
    let name = '';
    for (const field of fields) {
      const equals = field.indexOf('=');
      if (equals <= 0) {
        throw new InvalidValueError(`invalid field '${field}' must be a key=value pair`);
      }
      const key = field.slice(0, equals);
      const value = field.slice(equals + 1);
      switch (key.toLowerCase()) {
        case 'source':
        case 'src':
          name = value;
          break;
        case 'target':
          file.Name = value;
          break;
        case 'uid':
          file.UID = value;
          break;
        case 'gid':
          file.GID = value;
          break;
        case 'mode':
          file.Mode = parseMode(value);
          break;
        default:
          throw new InvalidValueError(
            this.noun === 'secret'
              ? `invalid field in secret request: ${key}`
              : `invalid field in config request: ${key}`,
          );
      }
    }
    if (name === '') throw new InvalidValueError('source is required');
    this.requests.push({ name, file: { ...file, Name: file.Name === '' ? name : file.Name } });
  }

  type(): string {
    return this.noun;
  }

  /** `name -> target, …`, as the Opt's String() lists them. */
  toString(): string {
    return this.requests.map((request) => `${request.name} -> ${request.file.Name}`).join(', ');
  }
}

function parseMode(value: string): number {
  try {
    return Number(parseGoUint(value, 32));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InvalidValueError(`invalid mode specified: ${message}`);
  }
}

/** A secret reference once its ID is known. */
export function secretReference(request: FileReferenceRequest, id: string): SecretReference {
  return { File: request.file, SecretID: id, SecretName: request.name };
}

/** A config reference once its ID is known. */
export function configReference(request: FileReferenceRequest, id: string): ConfigReference {
  return { File: request.file, ConfigID: id, ConfigName: request.name };
}
