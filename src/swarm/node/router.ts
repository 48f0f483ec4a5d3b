import {
  isControlRequest,
  errorResponse,
  okResponse,
  type DaemonRequest,
  type DaemonRequestOf,
  type LocalOp,
} from '../../api/operations';
import { listContainers } from '../agent/exec/container-list';
import { containerLogs } from '../agent/exec/container-logs';
import { logHost } from './log-host';
import { distributionInspect } from '../agent/exec/images';
import { settle } from './applied';
import { containerExecCall, containerInspectCall, containerRemoveCall } from './container-calls';
import { failure } from '../runtime/control';
import type { SwarmDaemonState } from './daemon-state';
import type { Control, Reply } from '../runtime/control';
import { init, join, leaveAsked, unlock } from './local-calls';
import { controlRefusal, pingState, swarmInfo } from './local-info';
import { dispatch } from './routing';
import {
  networkCreateCall,
  networkInspectCall,
  networkListCall,
  networkPruneCall,
  networkRemoveCall,
} from './network-calls';
import {
  volumeCreateCall,
  volumeInspectCall,
  volumeListCall,
  volumePruneCall,
  volumeRemoveCall,
} from './volume-calls';

/**
 * The daemon's router for a call typed on this machine, by the route its operation has in the
 * table (src/api/operations.ts): the node's own calls by their handler below, control-API calls
 * to the leader (routing.ts, which executes them on the leader or forwards them to it).
 */
export function routeCall(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: DaemonRequest,
): void {
  if (!isControlRequest(request)) {
    routeLocalCall(daemon, control, callId, request);
    return;
  }
  const refusal = controlRefusal(daemon);
  if (refusal !== null) {
    control.answer(callId, failure(refusal));
    return;
  }
  const replyToCaller: Reply = (c, body) => {
    if (body.type === 'proxy-reply') c.answer(callId, body.response);
  };
  dispatch(daemon, control, request, { kind: 'continuation', reply: replyToCaller });
  settle(daemon, control);
}

type LocalHandler<K extends LocalOp> = (
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: DaemonRequestOf<K>,
) => void;

/** The calls every daemon answers itself (moby `daemon/cluster`), one handler per operation. */
const LOCAL_HANDLERS: { readonly [K in LocalOp]: LocalHandler<K> } = {
  ping: (daemon, control, callId) => {
    const ping = { apiVersion: '1.47', osType: 'linux', swarm: pingState(daemon) } as const;
    control.answer(callId, okResponse('ping', ping));
  },
  version: (_daemon, control, callId) => {
    control.answer(callId, okResponse('version', null));
  },
  info: (daemon, control, callId) => {
    control.answer(callId, okResponse('info', swarmInfo(daemon, control)));
  },
  swarmInit: (daemon, control, callId, request) => {
    init(daemon, control, callId, request.request);
  },
  swarmJoin: (daemon, control, callId, request) => {
    join(daemon, control, callId, request.request);
  },
  swarmLeave: (daemon, control, callId, request) => {
    leaveAsked(daemon, control, callId, request.force);
  },
  swarmUnlock: (daemon, control, callId, request) => {
    unlock(daemon, control, callId, request.request.UnlockKey);
  },
  containerList: (daemon, control, callId, request) => {
    const listed = listContainers(daemon.worker.state.containers, {
      all: request.all,
      filters: request.filters,
      nowMs: control.nowMs,
      epochMs: control.epochMs,
    });
    control.answer(
      callId,
      listed.ok ? okResponse('containerList', listed.value) : errorResponse(listed.error),
    );
  },
  containerInspect: (daemon, control, callId, request) => {
    control.answer(callId, containerInspectCall(daemon, control, request));
  },
  containerRemove: (daemon, control, callId, request) => {
    control.answer(callId, containerRemoveCall(daemon, control, request));
  },
  containerExec: (daemon, control, callId, request) => {
    control.answer(callId, containerExecCall(daemon, control, request));
  },
  containerLogs: (daemon, control, callId, request) => {
    const { containers, tasks } = daemon.worker.state;
    const read = containerLogs(containers, tasks, request, logHost(control));
    control.answer(
      callId,
      read.ok ? okResponse('containerLogs', read.value) : errorResponse(read.error),
    );
  },
  volumeCreate: (daemon, control, callId, request) => {
    control.answer(callId, volumeCreateCall(daemon, control, request));
  },
  volumeList: (daemon, control, callId, request) => {
    control.answer(callId, volumeListCall(daemon, control, request));
  },
  volumeInspect: (daemon, control, callId, request) => {
    control.answer(callId, volumeInspectCall(daemon, control, request));
  },
  volumeRemove: (daemon, control, callId, request) => {
    control.answer(callId, volumeRemoveCall(daemon, request));
  },
  volumePrune: (daemon, control, callId, request) => {
    control.answer(callId, volumePruneCall(daemon, request));
  },
  networkCreate: (daemon, control, callId, request) => {
    networkCreateCall(daemon, control, callId, request);
  },
  networkList: (daemon, control, callId, request) => {
    control.answer(callId, networkListCall(daemon, control, request));
  },
  networkInspect: (daemon, control, callId, request) => {
    control.answer(callId, networkInspectCall(daemon, control, request));
  },
  networkRemove: (daemon, control, callId, request) => {
    networkRemoveCall(daemon, control, callId, request);
  },
  networkPrune: (daemon, control, callId, request) => {
    networkPruneCall(daemon, control, callId, request);
  },
  // Any daemon asks the registry, in a swarm or not.
  distributionInspect: (_daemon, control, callId, request) => {
    const answer = distributionInspect(request.image);
    control.answer(
      callId,
      answer.ok
        ? okResponse('distributionInspect', answer.value)
        : errorResponse({ kind: 'unavailable', message: answer.message }),
    );
  },
};

function routeLocalCall<K extends LocalOp>(
  daemon: SwarmDaemonState,
  control: Control,
  callId: string,
  request: DaemonRequestOf<K>,
): void {
  const handler: LocalHandler<K> = LOCAL_HANDLERS[request.op];
  handler(daemon, control, callId, request);
}
