import { describe, expect, it } from 'vitest';
import { FileReferenceValue } from '../../../../../src/cli/commands/service/opts/file-reference';

/** opts.SecretOpt / opts.ConfigOpt as docker/cli 27.5.1 parses them. */
describe('--secret and --config values', () => {
  it('reads the short and the long form with their defaults', () => {
    const value = new FileReferenceValue('secret');
    value.set('db_pass');
    value.set('src=api_key,target=key,uid=33,gid=33,mode=0400');
    // `mode` takes Go's base prefixes: 400 without one is decimal (0620).
    value.set('source=tls,mode=400');
    expect(value.requests).toEqual([
      { name: 'db_pass', file: { Name: 'db_pass', UID: '0', GID: '0', Mode: 0o444 } },
      { name: 'api_key', file: { Name: 'key', UID: '33', GID: '33', Mode: 0o400 } },
      { name: 'tls', file: { Name: 'tls', UID: '0', GID: '0', Mode: 400 } },
    ]);
    expect(value.toString()).toBe('db_pass -> db_pass, api_key -> key, tls -> tls');
  });

  it("refuses what docker refuses, with docker's texts", () => {
    const secret = new FileReferenceValue('secret');
    expect(() => {
      secret.set('target=x');
    }).toThrow('source is required');
    expect(() => {
      secret.set('source=a,b');
    }).toThrow("invalid field 'b' must be a key=value pair");
    expect(() => {
      secret.set('source=a,=b');
    }).toThrow("invalid field '=b' must be a key=value pair");
    expect(() => {
      secret.set('source=a,foo=1');
    }).toThrow('invalid field in secret request: foo');
    expect(() => {
      new FileReferenceValue('config').set('source=a,foo=1');
    }).toThrow('invalid field in config request: foo');
    expect(() => {
      secret.set('source=a,mode=-1');
    }).toThrow('invalid mode specified: strconv.ParseUint: parsing "-1": invalid syntax');
    expect(secret.requests).toEqual([]);
  });
});
