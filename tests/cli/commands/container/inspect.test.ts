import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../../src/api/errors';
import { inspectContainer } from '../../../../src/swarm/agent/exec/container-inspect';
import { runDocker } from '../../../support/docker-run';
import { fakeEngine } from '../../../support/fake-engine';
import { containerRecord, RECORD_ID, RECORD_NAME } from '../../../support/container-record';

const JSON_OBJECT = inspectContainer(containerRecord(), 0);

const engine = fakeEngine({
  containerInspect: ({ id }) =>
    id === RECORD_NAME || RECORD_ID.startsWith(id)
      ? Promise.resolve(JSON_OBJECT)
      : Promise.reject(new DaemonError('not-found', `No such container: ${id}`)),
});

describe('docker container inspect', () => {
  it("prints the daemon's JSON as an indented array", async () => {
    const result = await runDocker(['container', 'inspect', RECORD_NAME], { engine });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([JSON_OBJECT]);
    expect(result.stdout).toMatch(/^\[\n {4}\{\n {8}"Id": "/);
  });

  it("prints what it found, then the daemon's error as it is, exit 1", async () => {
    // Oracle (engine 20.10.24, client 28): `/name` then the unwrapped error, exit 1.
    const result = await runDocker(
      ['container', 'inspect', '-f', '{{.Name}} {{.State.Pid}}', 'nosuch', RECORD_ID.slice(0, 12)],
      { engine },
    );
    expect(result).toEqual({
      stdout: `/${RECORD_NAME} 10283\n`,
      stderr: 'Error response from daemon: No such container: nosuch\n',
      code: 1,
    });
  });

  it('falls back to the raw JSON for a field the struct lacks, and exits 64 on a bad template', async () => {
    // Oracle (engine 20.10.24): both texts, exit 1 and 64.
    const missing = await runDocker(['container', 'inspect', '-f', '{{.Foo}}', RECORD_NAME], {
      engine,
    });
    expect(missing).toEqual({
      stdout: '\n',
      stderr:
        'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"\n',
      code: 1,
    });
    const bad = await runDocker(['container', 'inspect', '-f', '{{.State.Pid', RECORD_NAME], {
      engine,
    });
    expect(bad).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      code: 64,
    });
  });
});
