/**
 * loader.ParseVolume (cli/compose/loader/volume.go, 27.5.1): a service's short volume syntax,
 * `[SOURCE:]TARGET[:OPTIONS]`, to its long form. A source that looks like a path (`.`, `/`, `~`,
 * a Windows drive) is a bind mount, anything else a named volume.
 */
import { ComposeError } from '../errors';
import type { ServiceVolumeConfig } from '../types/types';

const PROPAGATIONS = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'];

export class VolumeSpecError extends ComposeError {}

interface Building {
  type?: string;
  source?: string;
  target?: string;
  readOnly?: boolean;
  bind?: { propagation: string };
  volume?: { nocopy: boolean };
}

function isWindowsDrive(buffer: readonly string[], char: string): boolean {
  return char === ':' && buffer.length === 1 && /\p{L}/u.test(buffer[0] ?? '');
}

function isFilePath(source: string): boolean {
  const first = source.charAt(0);
  if (first === '.' || first === '/' || first === '~') return true;
  const runes = Array.from(source);
  if (runes.length === 1) return false;
  if (source.startsWith('\\\\')) return true;
  return isWindowsDrive([runes[0] ?? ''], runes[1] ?? '');
}

function populateType(volume: Building): void {
  volume.type =
    volume.source === undefined || volume.source === '' || !isFilePath(volume.source)
      ? 'volume'
      : 'bind';
}

function populateField(end: boolean, buffer: string, volume: Building): void {
  if (buffer === '') throw new Error('empty section between colons');
  if ((volume.source ?? '') === '' && end) {
    volume.target = buffer;
    return;
  }
  if ((volume.source ?? '') === '') {
    volume.source = buffer;
    return;
  }
  if ((volume.target ?? '') === '') {
    volume.target = buffer;
    return;
  }
  if (!end) throw new Error('too many colons');
  for (const option of buffer.split(',')) {
    if (option === 'ro') volume.readOnly = true;
    else if (option === 'rw') volume.readOnly = false;
    else if (option === 'nocopy') volume.volume = { nocopy: true };
    else if (PROPAGATIONS.includes(option)) volume.bind = { propagation: option };
    // docker ignores any other option
  }
}

function finish(volume: Building): ServiceVolumeConfig {
  return {
    ...(volume.type === undefined ? {} : { type: volume.type }),
    ...(volume.source === undefined ? {} : { source: volume.source }),
    ...(volume.target === undefined ? {} : { target: volume.target }),
    ...(volume.readOnly === true ? { readOnly: true } : {}),
    ...(volume.bind === undefined ? {} : { bind: volume.bind }),
    ...(volume.volume === undefined ? {} : { volume: volume.volume }),
  };
}

export function parseVolume(spec: string): ServiceVolumeConfig {
  if (spec.length === 0) throw new VolumeSpecError('invalid empty volume spec');
  if (spec.length <= 2) return { type: 'volume', target: spec };
  const volume: Building = {};
  let buffer: string[] = [];
  const chars = Array.from(spec);
  for (let index = 0; index <= chars.length; index++) {
    const char = chars[index];
    const end = char === undefined;
    if (!end && isWindowsDrive(buffer, char)) {
      buffer.push(char);
    } else if (end || char === ':') {
      try {
        populateField(end, buffer.join(''), volume);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new VolumeSpecError(`invalid spec: ${spec}: ${reason}`);
      }
      buffer = [];
    } else {
      buffer.push(char);
    }
  }
  populateType(volume);
  return finish(volume);
}
