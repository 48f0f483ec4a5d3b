import {
  errorResponse,
  okResponse,
  type DaemonRequestOf,
  type DaemonResponse,
} from '../../api/operations';
import type { Control } from '../runtime/control';
import { toApiVolume } from '../volume/local-volume';
import { volumeNamesOf } from '../volume/mount-points';
import {
  createVolume,
  findVolume,
  listVolumes,
  pruneVolumes,
  removeVolume,
} from '../volume/volumes';
import type { SwarmDaemonState } from './daemon-state';
import { diskVolumes } from './disk';

/**
 * The `/volumes` calls a node answers about its own local volumes (moby api/server/router/volume
 * over volume/service), in a swarm or not. The volumes live on the daemon's disk.
 */

/** The IDs of this node's containers that hold volume `name`, running or not. */
function usersOf(daemon: SwarmDaemonState): (name: string) => readonly string[] {
  const containers = daemon.worker.state.containers;
  return (name) =>
    containers
      .filter((container) => volumeNamesOf(container.mounts ?? []).includes(name))
      .map((container) => container.id);
}

export function volumeCreateCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'volumeCreate'>,
): DaemonResponse {
  const { Name, Driver, DriverOpts, Labels } = request.request;
  const wish = { name: Name, driver: Driver, labels: Labels, options: DriverOpts };
  const created = createVolume(diskVolumes(daemon.disk), wish, control.nowMs, control.prng);
  if (!created.ok) return errorResponse(created.error);
  if (created.value.volumes !== diskVolumes(daemon.disk)) {
    daemon.disk = { ...daemon.disk, volumes: created.value.volumes };
  }
  return okResponse('volumeCreate', toApiVolume(created.value.volume, control.epochMs));
}

export function volumeListCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'volumeList'>,
): DaemonResponse {
  const listed = listVolumes(diskVolumes(daemon.disk), request.filters, usersOf(daemon));
  if (!listed.ok) return errorResponse(listed.error);
  return okResponse(
    'volumeList',
    listed.value.map((volume) => toApiVolume(volume, control.epochMs)),
  );
}

export function volumeInspectCall(
  daemon: SwarmDaemonState,
  control: Control,
  request: DaemonRequestOf<'volumeInspect'>,
): DaemonResponse {
  const found = findVolume(diskVolumes(daemon.disk), request.name);
  if (!found.ok) return errorResponse(found.error);
  return okResponse('volumeInspect', toApiVolume(found.value, control.epochMs));
}

export function volumeRemoveCall(
  daemon: SwarmDaemonState,
  request: DaemonRequestOf<'volumeRemove'>,
): DaemonResponse {
  const volumes = diskVolumes(daemon.disk);
  const removed = removeVolume(volumes, request.name, request.force, usersOf(daemon));
  if (!removed.ok) return errorResponse(removed.error);
  if (removed.value !== volumes) daemon.disk = { ...daemon.disk, volumes: removed.value };
  return okResponse('volumeRemove', null);
}

export function volumePruneCall(
  daemon: SwarmDaemonState,
  request: DaemonRequestOf<'volumePrune'>,
): DaemonResponse {
  const pruned = pruneVolumes(diskVolumes(daemon.disk), request.filters, usersOf(daemon));
  if (!pruned.ok) return errorResponse(pruned.error);
  if (pruned.value.deleted.length > 0) {
    daemon.disk = { ...daemon.disk, volumes: pruned.value.volumes };
  }
  return okResponse('volumePrune', {
    VolumesDeleted: pruned.value.deleted,
    SpaceReclaimed: 0,
  });
}
