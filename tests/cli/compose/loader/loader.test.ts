import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ForbiddenPropertiesError, load } from '../../../../src/cli/compose/loader/loader';
import { marshalConfig } from '../../../../src/cli/compose/loader/marshal';
import { parseYAML } from '../../../../src/cli/compose/loader/parse-yaml';
import { emitYaml } from '../../../../src/cli/compose/loader/yaml-emit';
import type { Config } from '../../../../src/cli/compose/types/types';

const testdata = (name: string): string =>
  fileURLToPath(new URL(`../testdata/${name}`, import.meta.url));

function loadFiles(names: readonly string[], env: Record<string, string> = {}): Config {
  return load(
    {
      workingDir: '/srv/app',
      configFiles: names.map((name) => ({
        filename: name,
        config: parseYAML(readFileSync(testdata(name), 'utf8')),
      })),
      environment: new Map(Object.entries(env)),
    },
    {
      readFile: (path) => {
        if (path !== '/srv/app/web.env') throw new Error(`open ${path}: no such file or directory`);
        return readFileSync(testdata('web.env'), 'utf8');
      },
    },
  ).config;
}

/** The golden is `docker stack config`'s output; UPDATE_GOLDEN=1 rewrites it for review. */
function expectGolden(config: Config, golden: string): void {
  const text = emitYaml(marshalConfig(config));
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(testdata(golden), text);
  expect(text).toBe(readFileSync(testdata(golden), 'utf8'));
}

describe('load, as docker stack config prints it', () => {
  // Each golden's content was checked against the oracle's 28.2.2 `docker stack config` (the
  // same values; 28.x writes YAML with yaml.v3, indenting lists under their keys).
  it('loads the Docker docs’ stackdemo file, build and all', () => {
    expectGolden(loadFiles(['stackdemo.yml']), 'stackdemo.golden.yml');
  });

  it('loads the voting app', () => {
    expectGolden(loadFiles(['voting-app.yml']), 'voting-app.golden.yml');
  });

  it('loads a file that uses every supported key, substituting from the environment', () => {
    expectGolden(
      loadFiles(['every-key.yml'], { NGINX_TAG: '1.25', DEBUG: 'true', REPLICAS: '5' }),
      'every-key.golden.yml',
    );
  });

  it('merges a second file over the first', () => {
    expectGolden(loadFiles(['merge-base.yml', 'merge-override.yml']), 'merge.golden.yml');
  });

  it('refuses a forbidden key before anything else', () => {
    const config = parseYAML(
      'services:\n  web:\n    image: x\n    extends: base\n    mem_limit: 1g\n',
    );
    let thrown: unknown;
    try {
      load({ workingDir: '/', configFiles: [{ filename: 'f', config }], environment: new Map() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenPropertiesError);
    expect(thrown instanceof ForbiddenPropertiesError ? [...thrown.properties.keys()] : []).toEqual(
      ['extends', 'mem_limit'],
    );
  });

  it.each([
    [
      'volumes:\n  data:\n    external: true\n    driver: local\n',
      'conflicting parameters "external" and "driver" specified for volume "data"',
    ],
    [
      'networks:\n  front:\n    external:\n      name: x\n    name: other\n',
      'network front: network.external.name and network.name conflict; only use network.name',
    ],
    [
      'secrets:\n  s:\n    file: ./s\n    driver: vault\n',
      'secret s: secret.driver and secret.file conflict; only use secret.driver',
    ],
    [
      'services:\n  web:\n    image: x\n    volumes: ["ab::c"]\n',
      "decoding failed due to the following error(s):\n\nerror decoding 'Volumes[0]': invalid spec: ab::c: empty section between colons",
    ],
    // 28.x's schema checks the port spec first: "services.web.ports.0 Does not match format 'ports'".
    [
      'services:\n  web:\n    image: x\n    ports: ["abc"]\n',
      "decoding failed due to the following error(s):\n\nerror decoding 'Ports': invalid containerPort: abc",
    ],
    [
      'services:\n  web:\n    image: x\n    deploy: {resources: {reservations: {memory: 1x}}}\n',
      "decoding failed due to the following error(s):\n\nerror decoding 'Deploy.Resources.Reservations.memory': invalid suffix: 'x'",
    ],
    [
      'services:\n  web:\n    image: x\n    command: "echo \'hi"\n',
      "decoding failed due to the following error(s):\n\nerror decoding 'Command': EOF found when expecting closing quote",
    ],
  ])('%j fails with %j', (text, message) => {
    let thrown = 'no error';
    try {
      load({
        workingDir: '/',
        configFiles: [{ filename: 'f', config: parseYAML(text) }],
        environment: new Map(),
      });
    } catch (error) {
      thrown = error instanceof Error ? error.message : String(error);
    }
    expect(thrown).toBe(message);
  });
});
