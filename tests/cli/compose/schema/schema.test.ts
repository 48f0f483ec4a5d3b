import { describe, expect, it } from 'vitest';
import { parseYAML } from '../../../../src/cli/compose/loader/parse-yaml';
import { validate, version } from '../../../../src/cli/compose/schema/schema';

function check(text: string): string {
  const config = parseYAML(text);
  try {
    validate(config, version(config));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'ok';
}

describe("validate, with docker/cli 27.5.1's schemas and messages", () => {
  // Each answer is what the oracle's `docker stack config` printed for the file.
  it.each([
    [
      'services:\n  web:\n    image: nginx\n    foo: 1\n',
      'services.web Additional property foo is not allowed',
    ],
    [
      'services:\n  web:\n    image: nginx\n    ports:\n      - true\n',
      'services.web.ports.0 must be a number',
    ],
    [
      'services:\n  web:\n    image: nginx\n    ports:\n      - {target: x}\n',
      'services.web.ports.0.target must be a integer',
    ],
    ['version: 3.8\nservices:\n  web:\n    image: nginx\n', 'version must be a string'],
    [
      'version: "1.0"\nservices:\n  web:\n    image: nginx\n',
      'unsupported Compose file version: 1.0',
    ],
    [
      'services:\n  web:\n    image: nginx\n    deploy:\n      update_config:\n        order: sideways\n',
      'services.web.deploy.update_config.order services.web.deploy.update_config.order must be one of the following: "start-first", "stop-first"',
    ],
    [
      'services:\n  web:\n    image: nginx\n    healthcheck:\n      interval: 5 seconds\n',
      "services.web.healthcheck.interval Does not match format 'duration'",
    ],
    [
      'services:\n  web:\n    image: nginx\n    volumes:\n      - {source: x}\n',
      'services.web.volumes.0 type is required',
    ],
    [
      'services:\n  web:\n    image: nginx\n    volumes:\n      - {type: tmpfs, tmpfs: {size: -1}}\n',
      'services.web.volumes.0.tmpfs.size Must be greater than or equal to 0',
    ],
    [
      'services:\n  web:\n    image: nginx\n    cap_add: [A, A]\n',
      'services.web.cap_add array items[0,1] must be unique',
    ],
    ['services:\n  web: nginx\n', 'services.web must be a mapping'],
    ['services:\n  web:\n    image: [nginx]\n', 'services.web.image must be a string'],
    [
      'services:\n  web:\n    image: nginx\n    environment: 5\n',
      'services.web.environment must be a mapping',
    ],
    [
      'services:\n  web:\n    image: nginx\n    environment:\n      A: [1]\n',
      'services.web.environment.A must be a string, number or null',
    ],
    [
      'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: "3"\n',
      'services.web.deploy.replicas must be a integer',
    ],
    [
      'services:\n  web:\n    image: nginx\n    deploy:\n      mode: global\n      resources:\n        limits:\n          cpus: 0.5\n          memory: 50M\n          foo: 1\n',
      'services.web.deploy.resources.limits.cpus must be a string',
    ],
    ['foo: 1\nservices: {}\n', '(root) Additional property foo is not allowed'],
    [
      'services:\n  web:\n    image: nginx\n    command: 5\n',
      'services.web.command must be a string',
    ],
    [
      'networks:\n  front:\n    external:\n      nme: x\n',
      'networks.front.external Additional property nme is not allowed',
    ],
    [
      'services:\n  web:\n    image: nginx\n    ulimits:\n      nofile: {soft: 1}\n',
      'services.web.ulimits.nofile hard is required',
    ],
    ['services:\n  we b:\n    image: nginx\n', 'services Additional property we b is not allowed'],
    [
      'services:\n  web:\n    image: nginx\n    deploy:\n      placement:\n        preferences:\n          - spread: x\n            foo: y\n',
      'services.web.deploy.placement.preferences.0 Additional property foo is not allowed',
    ],
    [
      'services:\n  web:\n    image: nginx\n    secrets:\n      - source: a\n        mode: "0400"\n',
      'services.web.secrets.0.mode must be a number',
    ],
    [
      'services:\n  web:\n    image: nginx\n    networks:\n      front:\n        aliases: x\n',
      'services.web.networks.front.aliases must be a list',
    ],
  ])('%j → %s', (text, message) => {
    expect(check(text.replaceAll('\\n', '\n'))).toBe(message);
  });

  it('validates a file with no version, or version "3", as 3.13', () => {
    expect(version(parseYAML('services: {}\n'))).toBe('3.13');
    expect(version(parseYAML('version: "3"\n'))).toBe('3.13');
    expect(version(parseYAML('version: "3.2"\n'))).toBe('3.2');
    // %v of a YAML number: 3.10 is the float 3.1.
    expect(version(parseYAML('version: 3.10\n'))).toBe('3.1');
  });

  it('reads YAML 1.1 as yaml.v2 does, so a bare y is a boolean (28.x, on yaml.v3, reads "y")', () => {
    expect(check('services:\n  web:\n    image: nginx\n    environment: {B: y}\n')).toBe(
      'services.web.environment.B must be a string, number or null',
    );
    expect(check('services:\n  web:\n    image: nginx\n    cap_add: [Y]\n')).toBe(
      'services.web.cap_add.0 must be a string',
    );
  });

  it("accepts any port text: 27.5.1's ports format checker is a TODO that says yes", () => {
    expect(check('services:\n  web:\n    image: nginx\n    ports: ["abc"]\n')).toBe('ok');
  });
});
