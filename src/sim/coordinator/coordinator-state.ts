import { Prng } from '../../lib/prng';
import { defaultRaftOptions, type NodeId, type RaftOptions } from '../../raft';
import type { HostFactory } from '../machine';
import { Network, defaultLinkOptions } from '../network';
import { FailureInjections, InputLog } from './inputs';
import type { Packet } from './packets';
import { PendingCalls } from './pending-calls';
import { SlotTable } from './slots';
import { RunTrace } from './tracing';
import type { CoordinatorConfig, CoordinatorOptions } from './types';
import { SystemdUnits } from './units';
import type { DaemonData, ReplicatedStateMachine } from '../../machine-api';
import type { RunObserver } from './observer';
import type { CoordinatorCheckpoint } from './checkpoint';

/**
 * Everything one coordinator holds, shared by the modules that each handle one of its concerns
 * (the instant loop and routing, host calls, placement, systemd, client calls, machines,
 * replay, the view). Owned by `Coordinator`, which passes it to those modules' functions, one
 * queued operation at a time. The scalar fields are the coordinator's own; each collaborator
 * owns the part of the state that is really its own and is reached only through its methods.
 */
export interface CoordinatorState<P, S, D extends DaemonData> {
  /** Goes into every save as it was given. */
  readonly config: CoordinatorConfig;
  readonly stateMachine: ReplicatedStateMachine<P, S, D>;
  readonly observer: RunObserver<P, S, D> | undefined;
  readonly raftOptions: RaftOptions;
  /** Draws the fabric's seed, each machine's seed and each daemon's tick phase, in that order. */
  readonly prng: Prng;
  readonly network: Network<Packet<P, S>, NodeId>;
  readonly slots: SlotTable<P, S, D>;
  readonly trace: RunTrace<P, S>;
  readonly inputs: InputLog<P>;
  /** Host failures a restore replays at the call they hit. */
  readonly injections: FailureInjections;
  readonly calls: PendingCalls;
  readonly units: SystemdUnits;
  /** The last checkpoint a save took; `inputs` are the inputs since (all of them when null). */
  checkpoint: CoordinatorCheckpoint<P, S, D> | null;
  /** Builds hosts; a restore switches it from the replay's factory to the run's. */
  hostFactory: HostFactory<P, S, D>;
  nowMs: number;
  /** How many calls went to hosts so far. */
  hostCalls: number;
  /** How many messages machines sent so far (Raft and daemon traffic, dropped ones too). */
  messagesSent: number;
  nextProposal: number;
}

/**
 * A fresh run's state, or with `checkpoint` the state a checkpoint holds, machines aside:
 * `restoreMachines` builds their hosts, which takes a while.
 */
export function createCoordinatorState<P, S, D extends DaemonData>(
  options: CoordinatorOptions<P, S, D>,
  hostFactory: HostFactory<P, S, D>,
  checkpoint: CoordinatorCheckpoint<P, S, D> | null = null,
): CoordinatorState<P, S, D> {
  const { stateMachine, observer, hashTrace, ...config } = options;
  const prng = checkpoint === null ? new Prng(config.seed) : Prng.fromState(checkpoint.prngState);
  const network =
    checkpoint === null
      ? new Network<Packet<P, S>, NodeId>({
          seed: prng.nextUint32(),
          defaultLink: config.link ?? defaultLinkOptions,
        })
      : Network.restore(checkpoint.network);
  const slots = new SlotTable<P, S, D>();
  const units = new SystemdUnits();
  const calls = new PendingCalls();
  if (checkpoint !== null) {
    slots.restoreNames(checkpoint.names);
    units.restore(checkpoint.units);
    calls.continueFrom(checkpoint.nextCallNumber);
  }
  return {
    config,
    stateMachine,
    observer,
    raftOptions: { ...defaultRaftOptions, ...config.raftOptions },
    prng,
    network,
    slots,
    trace: new RunTrace<P, S>({
      traceRpcs: config.traceRpcs ?? true,
      hashing: hashTrace ?? true,
      nameOf: (id) => slots.name(id),
      ...(checkpoint === null ? {} : { resume: checkpoint.trace }),
    }),
    inputs: new InputLog<P>(),
    injections: new FailureInjections(),
    calls,
    units,
    checkpoint,
    hostFactory,
    nowMs: checkpoint?.nowMs ?? 0,
    hostCalls: checkpoint?.hostCalls ?? 0,
    messagesSent: checkpoint?.messagesSent ?? 0,
    nextProposal: checkpoint?.nextProposal ?? 1,
  };
}
