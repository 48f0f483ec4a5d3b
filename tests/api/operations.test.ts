import { describe, expect, it } from 'vitest';
import {
  DAEMON_OPERATIONS,
  isControlRequest,
  isDaemonOp,
  isOkResponseTo,
  okResponse,
  type DaemonRequest,
  type DaemonResponse,
} from '../../src/api/operations';
import { DaemonError } from '../../src/api/errors';
import { neverCancelled } from '../../src/lib/cancel';
import { MachineEngine } from '../../src/sim/machine-engine';
import { FAKE_MACHINE } from '../support/fake-engine';

/** A client whose daemon answers every call with `answer(request)`. */
function engineAnswering(answer: (request: DaemonRequest) => DaemonResponse): MachineEngine {
  return new MachineEngine({
    facts: FAKE_MACHINE,
    call: (request) => Promise.resolve(answer(request)),
    nowEpochMs: () => 0,
  });
}

describe('the table of daemon operations', () => {
  it('routes the node-local calls to the daemon itself and the rest to the control API', () => {
    const local = Object.entries(DAEMON_OPERATIONS)
      .filter(([, operation]) => operation.route === 'local')
      .map(([op]) => op);
    expect(local).toEqual([
      'ping',
      'version',
      'info',
      'swarmInit',
      'swarmJoin',
      'swarmLeave',
      'swarmUnlock',
      'distributionInspect',
      'containerList',
      'containerInspect',
      'containerRemove',
      'containerExec',
      'containerLogs',
      'volumeCreate',
      'volumeList',
      'volumeInspect',
      'volumeRemove',
      'volumePrune',
      'networkCreate',
      'networkList',
      'networkInspect',
      'networkRemove',
      'networkPrune',
    ]);
    expect(isControlRequest({ op: 'nodeList', filters: {} })).toBe(true);
    // The node's daemon asks the control API for a swarm network's create and removal.
    expect(isControlRequest({ op: 'swarmNetworkRemove', id: 'x' })).toBe(true);
    expect(isControlRequest({ op: 'swarmLeave', force: true })).toBe(false);
  });

  it('knows its operations by name and nothing else', () => {
    expect(isDaemonOp('nodeUpdate')).toBe(true);
    expect(isDaemonOp('serviceCreate')).toBe(true);
    expect(isDaemonOp('secretCreate')).toBe(true);
    expect(isDaemonOp('pluginInstall')).toBe(false);
    expect(isDaemonOp('toString')).toBe(false);
    expect(isDaemonOp(7)).toBe(false);
  });

  it('types an answer by the operation it names', () => {
    const answer: DaemonResponse = okResponse('nodeList', []);
    expect(isOkResponseTo('nodeList', answer)).toBe(true);
    expect(isOkResponseTo('taskList', answer)).toBe(false);
    expect(isOkResponseTo('nodeList', { status: 'connection' })).toBe(false);
  });
});

const SPEC = { Role: 'manager', Availability: 'active', Labels: {} } as const;

describe('the Engine API client', () => {
  it("resolves with the value of its own operation's answer", async () => {
    const engine = engineAnswering((request) =>
      request.op === 'nodeList' ? okResponse('nodeList', []) : { status: 'connection' },
    );
    await expect(engine.nodeList({ filters: {} }, neverCancelled)).resolves.toEqual([]);
  });

  it('refuses an answer meant for another operation instead of passing it on', async () => {
    const engine = engineAnswering(() => okResponse('nodeList', []));
    const inspected = engine.swarmInspect(neverCancelled);
    await expect(inspected).rejects.toBeInstanceOf(DaemonError);
    await expect(inspected).rejects.toThrow('answer to nodeList for a swarmInspect call');
  });

  it('sends the fields of the request with its operation', async () => {
    const sent: DaemonRequest[] = [];
    const engine = engineAnswering((request) => {
      sent.push(request);
      return okResponse('nodeUpdate', null);
    });
    await engine.nodeUpdate({ id: 'worker1', version: 3, spec: SPEC }, neverCancelled);
    expect(sent).toEqual([{ op: 'nodeUpdate', id: 'worker1', version: 3, spec: SPEC }]);
  });
});
