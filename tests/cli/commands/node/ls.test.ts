import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../../src/api/swarm';
import {
  daemonError,
  fakeEngine,
  fakeManagerEngine,
  NO_LEADER,
  WORKER_NODE,
} from '../../../support/fake-engine';
import { expectGolden } from '../swarm/golden-run';

describe('docker node ls', () => {
  it('prints the table sorted by hostname with the self marker (reference §5.1)', async () => {
    const result = await expectGolden('node/ls', ['node', 'ls'], { engine: fakeManagerEngine() });
    expect(result.stdout.split('\n')[0]).toBe(
      'ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION',
    );
  });

  it('prints full IDs only with -q, without asking /info', async () => {
    const engine = fakeManagerEngine({ info: () => daemonError('must not be called') });
    await expectGolden('node/ls-quiet', ['node', 'ls', '-q'], { engine });
  });

  it('passes filters to the daemon', async () => {
    const seen: Filters[] = [];
    const engine = fakeManagerEngine({
      nodeList: ({ filters }) => {
        seen.push(filters);
        return Promise.resolve([]);
      },
    });
    await expectGolden(
      'node/ls-filter-empty',
      ['node', 'ls', '-f', 'role=manager', '--filter', 'name=m'],
      {
        engine,
      },
    );
    expect(seen).toEqual([{ role: ['manager'], name: ['m'] }]);
  });

  it('rejects a filter without = as a flag error', async () => {
    const result = await expectGolden('node/ls-bad-filter', ['node', 'ls', '-f', 'foo'], {
      engine: fakeManagerEngine(),
    });
    expect(result.code).toBe(125);
  });

  it('reports the daemon filter error', async () => {
    await expectGolden('node/ls-invalid-filter', ['node', 'ls', '-f', 'color=red'], {
      engine: fakeManagerEngine({ nodeList: () => daemonError("invalid filter 'color'") }),
    });
  });

  it('formats with a custom table, json and a bare template', async () => {
    const engine = fakeManagerEngine();
    await expectGolden(
      'node/ls-format-table',
      ['node', 'ls', '--format', 'table {{.Hostname}}\\t{{.ManagerStatus}}\\t{{.TLSStatus}}'],
      { engine },
    );
    await expectGolden('node/ls-format-json', ['node', 'ls', '--format', 'json'], { engine });
    await expectGolden(
      'node/ls-format-template',
      ['node', 'ls', '--format', '{{.Hostname}}: {{.Status}} {{if .Self}}(me){{end}}'],
      { engine },
    );
    await expectGolden('node/ls-format-raw', ['node', 'ls', '--format', 'raw'], { engine });
  });

  it('reports a template error', async () => {
    await expectGolden('node/ls-format-error', ['node', 'ls', '--format', '{{.Bogus}}'], {
      engine: fakeManagerEngine(),
    });
  });

  it.each([
    ['ls-not-in-swarm', fakeEngine()],
    ['ls-on-worker', fakeManagerEngine({ nodeList: () => daemonError(WORKER_NODE) })],
    ['ls-no-leader', fakeManagerEngine({ nodeList: () => daemonError(NO_LEADER) })],
  ])('reports %s', async (name, engine) => {
    const result = await expectGolden(`node/${name}`, ['node', 'ls'], { engine });
    expect(result.code).toBe(1);
  });

  it('accepts no arguments', async () => {
    await expectGolden('node/ls-args', ['node', 'ls', 'manager1']);
  });
});
