import { Prng } from '../../src/lib/prng';
import type { InitRequest, NodeDescription, SwarmSpec } from '../../src/api/swarm';
import {
  applyEntry,
  emptyStore,
  getCluster,
  initCluster,
  joinNode,
  joinRaft,
  registerNode,
  startDispatcher,
  type ControlContext,
  type DispatcherState,
  type LeaderContext,
  type RaftMemberStatus,
  type StoreProposal,
  type StoreState,
} from '../../src/swarm';

/**
 * Builders for swarm tests: a cluster is made the way the machine model will make it, by
 * applying the proposals the control API returns, so the tests exercise apply as well.
 */

/** 2026-11-25T08:00:00Z, the playground's first instant in these tests. */
export const EPOCH_MS = Date.UTC(2026, 10, 25, 8, 0, 0);

export function emptySpec(): SwarmSpec {
  return {
    Labels: {},
    Orchestration: {},
    Raft: { ElectionTick: 0, HeartbeatTick: 0 },
    Dispatcher: {},
    CAConfig: {},
    TaskDefaults: {},
    EncryptionConfig: { AutoLockManagers: false },
  };
}

export function initRequest(overrides: Partial<InitRequest> = {}): InitRequest {
  return {
    ListenAddr: '0.0.0.0:2377',
    AdvertiseAddr: '',
    DataPathAddr: '',
    DataPathPort: 0,
    ForceNewCluster: false,
    Spec: emptySpec(),
    AutoLockManagers: false,
    Availability: '',
    DefaultAddrPool: [],
    SubnetSize: 0,
    ...overrides,
  };
}

export function description(hostname: string): NodeDescription {
  return {
    Hostname: hostname,
    Platform: { Architecture: 'x86_64', OS: 'linux' },
    Engine: { EngineVersion: '27.5.1' },
  };
}

/** A mutable test harness around one store: propose = apply at the next index. */
export class TestSwarm {
  store: StoreState = emptyStore();
  nowMs = EPOCH_MS;
  readonly prng: Prng;
  /** Node ID by hostname. */
  readonly ids = new Map<string, string>();
  /** Raft ID by hostname (managers). */
  readonly raftIds = new Map<string, number>();
  /** Hostnames whose Raft transport is unreachable from the leader. */
  readonly unreachable = new Set<string>();
  leaderHostname = '';

  constructor(seed = 1) {
    this.prng = new Prng(seed);
  }

  context(): ControlContext {
    return { store: this.store, nowMs: this.nowMs, prng: this.prng };
  }

  leaderContext(): LeaderContext {
    return {
      ...this.context(),
      members: this.members(),
      selfRaftId: this.raftIds.get(this.leaderHostname) ?? 0,
    };
  }

  members(): RaftMemberStatus[] {
    const members: RaftMemberStatus[] = [];
    for (const [hostname, raftId] of [...this.raftIds].sort((a, b) => a[1] - b[1])) {
      const nodeId = this.ids.get(hostname) ?? '';
      const member = this.store.members[String(raftId)];
      if (member === undefined) continue;
      members.push({
        raftId,
        nodeId,
        addr: member.addr,
        leader: hostname === this.leaderHostname,
        reachability: this.unreachable.has(hostname) ? 'unreachable' : 'reachable',
      });
    }
    return members;
  }

  apply(proposal: StoreProposal | null): void {
    if (proposal === null) return;
    const result = applyEntry(this.store, proposal, this.store.appliedIndex + 1);
    if (result.error !== null) throw new Error(result.error.message);
    this.store = result.store;
  }

  init(hostname: string, request: InitRequest = initRequest()): void {
    const result = initCluster(this.context(), {
      request,
      description: description(hostname),
      advertiseIp: '192.168.0.10',
      advertisePort: 2377,
    });
    this.apply(result.proposal);
    this.ids.set(hostname, result.nodeId);
    this.raftIds.set(hostname, result.raftId);
    this.leaderHostname = hostname;
  }

  /** Joins with the right token, registers the agent, and for managers joins Raft. */
  join(hostname: string, role: 'worker' | 'manager', address = '192.168.0.20'): string {
    const cluster = Object.values(this.store.clusters)[0];
    if (cluster === undefined) throw new Error('no cluster');
    const token =
      role === 'manager' ? cluster.swarm.JoinTokens.Manager : cluster.swarm.JoinTokens.Worker;
    const joined = joinNode(this.context(), { token, availability: '' });
    if (!joined.ok) throw new Error(joined.error.message);
    this.apply(joined.value.proposal);
    const nodeId = joined.value.nodeId;
    this.ids.set(hostname, nodeId);
    this.register(hostname, address);
    if (role === 'manager') {
      const raft = joinRaft(this.context(), { nodeId, addr: `${address}:2377` });
      this.apply(raft.proposal);
      this.raftIds.set(hostname, raft.raftId);
    }
    return nodeId;
  }

  register(hostname: string, address: string, dispatcher?: DispatcherState): DispatcherState {
    const state = dispatcher ?? startDispatcher(this.context()).state;
    const registration = registerNode(state, this.context(), {
      nodeId: this.id(hostname),
      description: description(hostname),
      addr: address,
    });
    if (!registration.ok) throw new Error(registration.error.message);
    this.apply(registration.value.proposal);
    return registration.value.state;
  }

  id(hostname: string): string {
    const id = this.ids.get(hostname);
    if (id === undefined) throw new Error(`no node ${hostname}`);
    return id;
  }

  node(hostname: string) {
    const record = this.store.nodes[this.id(hostname)];
    if (record === undefined) throw new Error(`node ${hostname} not in the store`);
    return record;
  }
}

/** A swarm of `managers` managers (manager1 leads) and `workers` workers. */
export function swarmOf(managers: number, workers: number, seed = 1): TestSwarm {
  const swarm = new TestSwarm(seed);
  swarm.init('manager1');
  for (let i = 2; i <= managers; i++) swarm.join(`manager${i}`, 'manager', `192.168.0.${10 + i}`);
  for (let i = 1; i <= workers; i++) swarm.join(`worker${i}`, 'worker', `192.168.0.${20 + i}`);
  return swarm;
}

/** The swarm's cluster record, which every initialised test swarm has. */
export function cluster(swarm: TestSwarm) {
  const record = getCluster(swarm.store);
  if (record === undefined) throw new Error('no cluster');
  return record;
}
