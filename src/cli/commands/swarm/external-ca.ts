import type { ExternalCA } from '../../../api/swarm';
import { InvalidValueError } from '../../flags';

/**
 * docker's parseExternalCA (`--external-ca protocol=cfssl,url=…[,cacert=…][,k=v]`), whose errors
 * pflag reports as an invalid flag value (exit 125). The playground has no files, so a `cacert`
 * path always fails the way a missing file does.
 */
export function parseExternalCA(spec: string): ExternalCA {
  let protocol: 'cfssl' | undefined;
  let url: string | undefined;
  const options: Record<string, string> = {};
  for (const field of spec.split(',')) {
    const equals = field.indexOf('=');
    if (equals < 0)
      throw new InvalidValueError(`invalid field '${field}' must be a key=value pair`);
    const key = field.slice(0, equals);
    const value = field.slice(equals + 1);
    switch (key.toLowerCase()) {
      case 'protocol':
        if (value.toLowerCase() !== 'cfssl') {
          throw new InvalidValueError(`unrecognized external CA protocol ${value}`);
        }
        protocol = 'cfssl';
        break;
      case 'url':
        url = value;
        break;
      case 'cacert':
        throw new InvalidValueError(
          `unable to read CA cert for external CA: open ${value}: no such file or directory`,
        );
      default:
        options[key] = value;
    }
  }
  if (protocol === undefined) {
    throw new InvalidValueError('the external-ca option needs a protocol= parameter');
  }
  if (url === undefined)
    throw new InvalidValueError('the external-ca option needs a url= parameter');
  return { Protocol: protocol, URL: url, Options: options, CACert: '' };
}

/** Validates a value as the flag is set; the TextValue keeps the text. */
export function validateExternalCA(raw: string): string {
  parseExternalCA(raw);
  return raw;
}

/** A pem-file flag (`--ca-cert`, `--ca-key`): reading the file fails, as there are no files. */
export function validatePemFile(raw: string): string {
  throw new InvalidValueError(`open ${raw}: no such file or directory`);
}
