import { InvalidValueError, type Validator } from '../../../flags';
import { canonicalIP } from './ip';

/**
 * docker's option validators (cli/opts), each returning the value to keep or throwing its text
 * as the flag's error: `invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x`.
 */

/** opts.ValidateEnv: a bare `KEY` takes its value from the CLI's own environment when set. */
export function envValidator(environment: ReadonlyMap<string, string>): Validator {
  return (value) => {
    const equals = value.indexOf('=');
    const key = equals < 0 ? value : value.slice(0, equals);
    if (key === '') throw new InvalidValueError(`invalid environment variable: ${value}`);
    if (equals >= 0) return value;
    const found = environment.get(key);
    return found === undefined ? value : `${key}=${found}`;
  };
}

/** opts.ValidateLabel. */
export const validateLabel: Validator = (value) => {
  const equals = value.indexOf('=');
  const key = (equals < 0 ? value : value.slice(0, equals)).replace(/^[ \t]+/, '');
  if (key === '') throw new InvalidValueError(`invalid label '${value}': empty name`);
  if (/[ \t]/.test(key)) throw new InvalidValueError(`label '${key}' contains whitespaces`);
  return value;
};

/** opts.ValidateIPAddress: the address in Go's canonical form. */
export const validateIPAddress: Validator = (value) => {
  const canonical = canonicalIP(value.trim());
  if (canonical === null) {
    throw new InvalidValueError(`IP address is not correctly formatted: ${value}`);
  }
  return canonical;
};

const DOMAIN =
  /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;

/** opts.ValidateDNSSearch. */
export const validateDNSSearch: Validator = (raw) => {
  const value = raw.replace(/^ +| +$/g, '');
  if (value === '.') return value;
  const match = DOMAIN.exec(value);
  const domain = match?.[1];
  if (!/[a-zA-Z]/.test(value) || domain === undefined || domain.length >= 255) {
    throw new InvalidValueError(`${value} is not a valid domain`);
  }
  return domain;
};

/** opts.ValidateExtraHost: `host:ip` or `host=ip`, kept as `host:ip` without IPv6 brackets. */
export const validateExtraHost: Validator = (value) => {
  let separator = value.indexOf('=');
  if (separator < 0) separator = value.indexOf(':');
  const host = separator < 0 ? '' : value.slice(0, separator);
  let address = separator < 0 ? '' : value.slice(separator + 1);
  if (separator < 0 || host === '' || host.includes(':')) {
    throw new InvalidValueError(`bad format for add-host: ${JSON.stringify(value)}`);
  }
  if (address !== 'host-gateway') {
    if (address.length > 2 && address.startsWith('[') && address.endsWith(']')) {
      address = address.slice(1, -1);
    }
    if (canonicalIP(address.trim()) === null) {
      throw new InvalidValueError(`invalid IP address in add-host: ${JSON.stringify(address)}`);
    }
  }
  return `${host}:${address}`;
};

/** ValidateSingleGenericResource: at least one `=`. */
export const validateGenericResource: Validator = (value) => {
  if (!value.includes('=')) {
    throw new InvalidValueError(
      `invalid generic-resource format \`${value}\` expected \`name=value\``,
    );
  }
  return value;
};
