/**
 * convert.Volumes (cli/compose/convert/volume.go, 27.5.1): a service's volumes as mounts. A named
 * volume must be declared at the top level and becomes `<stack>_<name>` (or its `name:`), with
 * the stack's label and driver unless it is external.
 */
import { ComposeError } from '../errors';
import type { Mount } from '../../../api/service';
import type { ServiceVolumeConfig, VolumeConfig } from '../types/types';
import { addStackLabel, type Namespace } from './compose';

export class ConvertError extends ComposeError {}

function baseMount(volume: ServiceVolumeConfig): Mount {
  return {
    Type: volume.type ?? '',
    ...(volume.source === undefined || volume.source === '' ? {} : { Source: volume.source }),
    ...(volume.target === undefined || volume.target === '' ? {} : { Target: volume.target }),
    ...(volume.readOnly === true ? { ReadOnly: true } : {}),
    ...(volume.consistency === undefined || volume.consistency === ''
      ? {}
      : { Consistency: volume.consistency }),
  };
}

function refuse(
  volume: ServiceVolumeConfig,
  type: string,
  options: readonly (keyof ServiceVolumeConfig)[],
): void {
  for (const option of options) {
    if (volume[option] !== undefined) {
      throw new ConvertError(`${option} options are incompatible with type ${type}`);
    }
  }
}

function volumeMount(
  volume: ServiceVolumeConfig,
  stackVolumes: Readonly<Record<string, VolumeConfig>>,
  namespace: Namespace,
): Mount {
  const result = baseMount(volume);
  refuse(volume, 'volume', ['tmpfs', 'bind', 'cluster']);
  const source = volume.source ?? '';
  if (source === '') return result;
  const stackVolume = stackVolumes[source];
  if (stackVolume === undefined) throw new ConvertError(`undefined volume "${source}"`);
  const name = (stackVolume.name ?? '') === '' ? namespace.scope(source) : (stackVolume.name ?? '');
  const noCopy = volume.volume?.nocopy === true;
  if (stackVolume.external?.external === true) {
    return { ...result, Source: name, VolumeOptions: noCopy ? { NoCopy: true } : {} };
  }
  const driver = stackVolume.driver ?? '';
  return {
    ...result,
    Source: name,
    VolumeOptions: {
      ...(noCopy ? { NoCopy: true } : {}),
      Labels: addStackLabel(namespace, stackVolume.labels),
      ...(driver !== '' || stackVolume.driverOpts !== undefined
        ? {
            DriverConfig: {
              ...(driver === '' ? {} : { Name: driver }),
              ...(stackVolume.driverOpts === undefined ? {} : { Options: stackVolume.driverOpts }),
            },
          }
        : {}),
    },
  };
}

function bindMount(volume: ServiceVolumeConfig, type: 'bind' | 'npipe'): Mount {
  if ((volume.source ?? '') === '') {
    throw new ConvertError(`invalid ${type} source, source cannot be empty`);
  }
  refuse(volume, type, type === 'bind' ? ['volume', 'tmpfs', 'cluster'] : ['volume', 'tmpfs']);
  const propagation = volume.bind?.propagation;
  return {
    ...baseMount(volume),
    ...(volume.bind === undefined
      ? {}
      : { BindOptions: propagation === undefined ? {} : { Propagation: propagation } }),
  };
}

function tmpfsMount(volume: ServiceVolumeConfig): Mount {
  if ((volume.source ?? '') !== '') {
    throw new ConvertError('invalid tmpfs source, source must be empty');
  }
  refuse(volume, 'tmpfs', ['bind', 'volume', 'cluster']);
  const size = volume.tmpfs?.size;
  return {
    ...baseMount(volume),
    ...(volume.tmpfs === undefined
      ? {}
      : { TmpfsOptions: size === undefined || size === 0 ? {} : { SizeBytes: size } }),
  };
}

function clusterMount(
  volume: ServiceVolumeConfig,
  stackVolumes: Readonly<Record<string, VolumeConfig>>,
  namespace: Namespace,
): Mount {
  const source = volume.source ?? '';
  if (source === '') throw new ConvertError('invalid cluster source, source cannot be empty');
  refuse(volume, 'cluster', ['tmpfs', 'bind', 'volume']);
  const result = baseMount(volume);
  if (source.startsWith('group:')) return result;
  const stackVolume = stackVolumes[source];
  if (stackVolume === undefined) throw new ConvertError(`undefined volume "${source}"`);
  return {
    ...result,
    Source: (stackVolume.name ?? '') === '' ? namespace.scope(source) : (stackVolume.name ?? ''),
  };
}

export function convertVolumeToMount(
  volume: ServiceVolumeConfig,
  stackVolumes: Readonly<Record<string, VolumeConfig>>,
  namespace: Namespace,
): Mount {
  switch (volume.type ?? '') {
    case 'volume':
    case '':
      return volumeMount(volume, stackVolumes, namespace);
    case 'bind':
      return bindMount(volume, 'bind');
    case 'tmpfs':
      return tmpfsMount(volume);
    case 'npipe':
      return bindMount(volume, 'npipe');
    case 'cluster':
      return clusterMount(volume, stackVolumes, namespace);
    default:
      throw new ConvertError('volume type must be volume, bind, tmpfs, npipe, or cluster');
  }
}

export function convertVolumes(
  serviceVolumes: readonly ServiceVolumeConfig[],
  stackVolumes: Readonly<Record<string, VolumeConfig>>,
  namespace: Namespace,
): Mount[] {
  return serviceVolumes.map((volume) => convertVolumeToMount(volume, stackVolumes, namespace));
}
