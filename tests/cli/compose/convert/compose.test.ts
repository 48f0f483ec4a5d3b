import { describe, expect, it } from 'vitest';
import {
  Namespace,
  convertConfigs,
  convertNetworks,
  convertSecrets,
} from '../../../../src/cli/compose/convert/compose';
import { load } from '../../../../src/cli/compose/loader/loader';
import { parseYAML } from '../../../../src/cli/compose/loader/parse-yaml';
import type { Config } from '../../../../src/cli/compose/types/types';
import { utf8Bytes } from '../../../../src/lib/utf8';

function loadText(text: string): Config {
  return load({
    workingDir: '/srv/app',
    configFiles: [{ filename: 'docker-compose.yml', config: parseYAML(text) }],
    environment: new Map(),
  }).config;
}

const stack = new Namespace('app');

describe('the namespace, as convert.Namespace', () => {
  it('scopes and descopes names', () => {
    expect(stack.scope('web')).toBe('app_web');
    expect(stack.descope('app_web')).toBe('web');
    expect(stack.descope('other_web')).toBe('other_web');
  });
});

describe('convertNetworks', () => {
  it('creates the networks the services use, and lists the external ones', () => {
    const config = loadText(
      [
        'networks:',
        '  front:',
        '    driver: overlay',
        '    attachable: true',
        '    ipam: {config: [{subnet: 10.9.0.0/24}]}',
        '    labels: [team=a]',
        '  unused: {}',
        '  shared:',
        '    external: true',
        '    name: corp-net',
        '',
      ].join('\n'),
    );
    const converted = convertNetworks(
      stack,
      config.networks,
      new Set(['front', 'shared', 'default']),
    );
    expect([...converted.networks]).toEqual([
      [
        'app_front',
        {
          Labels: { team: 'a', 'com.docker.stack.namespace': 'app' },
          Driver: 'overlay',
          Attachable: true,
          IPAM: { Config: [{ Subnet: '10.9.0.0/24' }] },
        },
      ],
      ['app_default', { Labels: { 'com.docker.stack.namespace': 'app' } }],
    ]);
    expect(converted.externals).toEqual(['corp-net']);
  });
});

describe('convertSecrets and convertConfigs', () => {
  it('reads the files of the stack’s own objects, and skips the external ones', () => {
    const config = loadText(
      [
        'secrets:',
        '  key: {file: ./key.txt}',
        '  cert: {external: true}',
        '  vault: {driver: vault, labels: {a: b}}',
        'configs:',
        '  conf: {file: /etc/app.conf, template_driver: golang, name: app-conf-v2}',
        '',
      ].join('\n'),
    );
    const read = (path: string): Uint8Array => Uint8Array.from(utf8Bytes(`contents of ${path}`));
    expect(convertSecrets(stack, config.secrets, read)).toEqual([
      {
        Name: 'app_key',
        Labels: { 'com.docker.stack.namespace': 'app' },
        // base64 of "contents of /srv/app/key.txt"
        Data: 'Y29udGVudHMgb2YgL3Nydi9hcHAva2V5LnR4dA==',
      },
      {
        Name: 'app_vault',
        Labels: { a: 'b', 'com.docker.stack.namespace': 'app' },
        Driver: { Name: 'vault' },
      },
    ]);
    expect(convertConfigs(stack, config.configs, read)).toEqual([
      {
        Name: 'app-conf-v2',
        Labels: { 'com.docker.stack.namespace': 'app' },
        Data: 'Y29udGVudHMgb2YgL2V0Yy9hcHAuY29uZg==',
        Templating: { Name: 'golang' },
      },
    ]);
  });
});
