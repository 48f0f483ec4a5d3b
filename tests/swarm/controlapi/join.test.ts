import { describe, expect, it } from 'vitest';
import { joinNode, updateCluster } from '../../../src/swarm';
import { cluster, swarmOf } from '../../support/builders';
import { errorOf, valueOf } from '../../support/outcome';

describe('swarm join', () => {
  it('creates the node with the role of the token, Unknown until it registers', () => {
    const swarm = swarmOf(1, 0);
    const { Worker } = cluster(swarm).swarm.JoinTokens;
    const joined = valueOf(joinNode(swarm.context(), { token: Worker, availability: 'pause' }));
    expect(joined.role).toBe('worker');
    swarm.apply(joined.proposal);
    const record = swarm.store.nodes[joined.nodeId];
    expect(record?.node.Status).toEqual({ State: 'unknown' });
    expect(record?.node.Spec).toEqual({ Labels: {}, Role: 'worker', Availability: 'pause' });
  });

  it('registers the agent: Ready with its description and address', () => {
    const swarm = swarmOf(1, 1);
    const record = swarm.node('worker1');
    expect(record.node.Status).toEqual({ State: 'ready', Addr: '192.168.0.21' });
    expect(record.node.Description.Hostname).toBe('worker1');
  });

  it.each([
    ['SWMTKN-1-bad', 'invalid join token'],
    [
      '',
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    ],
  ])('refuses the token %j', (token, message) => {
    expect(errorOf(joinNode(swarmOf(1, 0).context(), { token, availability: '' }))).toBe(message);
  });

  it('refuses a token rotated away', () => {
    const swarm = swarmOf(1, 0);
    const old = cluster(swarm).swarm.JoinTokens.Worker;
    swarm.apply(
      valueOf(
        updateCluster(swarm.context(), {
          version: cluster(swarm).swarm.Version.Index,
          spec: cluster(swarm).swarm.Spec,
          flags: {
            RotateWorkerToken: true,
            RotateManagerToken: false,
            RotateManagerUnlockKey: false,
          },
        }),
      ),
    );
    expect(errorOf(joinNode(swarm.context(), { token: old, availability: '' }))).toBe(
      'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster',
    );
  });
});
