import {
  errorResponse,
  okResponse,
  type DaemonRequestOf,
  type DaemonResponse,
} from '../../api/operations';
import { findContainer } from '../agent/exec/container-lookup';
import { inspectContainer } from '../agent/exec/container-inspect';
import { execInContainer } from '../agent/exec/userland/exec';
import type { Control } from '../runtime/control';
import { removeTaskContainer } from './agent-tasks';
import type { SwarmDaemonState } from './daemon-state';

/**
 * The container calls a node answers about its own containers (moby daemon/inspect.go,
 * delete.go, exec.go): each resolves the name as moby's GetContainer does, then acts.
 */

export function containerInspectCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'containerInspect'>,
): DaemonResponse {
  const found = findContainer(daemon.worker.state.containers, request.id);
  if (!found.ok) return errorResponse(found.error);
  const task = daemon.worker.state.tasks.find(
    (progress) => progress.assigned.task.ID === found.value.taskId,
  )?.assigned.task;
  return okResponse(
    'containerInspect',
    inspectContainer(found.value, control.epochMs, task?.NetworksAttachments ?? []),
  );
}

export function containerRemoveCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'containerRemove'>,
): DaemonResponse {
  const found = findContainer(daemon.worker.state.containers, request.id);
  if (!found.ok) return errorResponse(found.error);
  const removed = removeTaskContainer(daemon, control, found.value.id, request.force);
  return removed.ok ? okResponse('containerRemove', null) : errorResponse(removed.error);
}

/** moby getActiveContainer: only a running container takes an exec. */
export function containerExecCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'containerExec'>,
): DaemonResponse {
  const found = findContainer(daemon.worker.state.containers, request.id);
  if (!found.ok) return errorResponse(found.error);
  const container = found.value;
  if (!container.running) {
    return errorResponse({
      kind: 'failed-precondition',
      message: `container ${container.id} is not running`,
    });
  }
  return okResponse(
    'containerExec',
    execInContainer(container, request, control.epochMs, control.nowMs),
  );
}
