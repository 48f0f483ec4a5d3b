import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/lib/prng';
import { ANONYMOUS_LABEL, toApiVolume } from '../../../src/swarm/volume/local-volume';
import { mountTask, releaseVolumes } from '../../../src/swarm/volume/mount-points';
import {
  createVolume,
  listVolumes,
  pruneVolumes,
  removeVolume,
  type VolumeWish,
} from '../../../src/swarm/volume/volumes';
import type { LocalVolume } from '../../../src/swarm/volume/local-volume';

const wish = (name: string, labels: Record<string, string> = {}): VolumeWish => ({
  name,
  driver: 'local',
  labels,
  options: {},
});

function created(volumes: readonly LocalVolume[], w: VolumeWish, prng = new Prng(1)) {
  const outcome = createVolume(volumes, w, 2_000, prng);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const nobody = (): readonly string[] => [];

describe('the node volume service', () => {
  it('creates a named volume once; a second create answers the first as it is', () => {
    const first = created([], wish('data', { a: 'b' }));
    const again = created(first.volumes, wish('data', { c: 'd' }));
    expect(again.volumes).toBe(first.volumes);
    expect(again.volume.labels).toEqual({ a: 'b' });
  });

  it('names an anonymous volume with 64 hex digits from the seeded PRNG, and labels it', () => {
    const one = created([], wish(''), new Prng(5));
    const two = created([], wish(''), new Prng(5));
    expect(one.volume.name).toMatch(/^[0-9a-f]{64}$/);
    expect(two.volume.name).toBe(one.volume.name);
    expect(one.volume.labels).toEqual({ [ANONYMOUS_LABEL]: '' });
  });

  it("shows a volume as moby's inspect does (oracle engine 20.10.24, the data root aside)", () => {
    const { volume } = created([], { ...wish('vx', { k: 'v' }), options: { type: 'tmpfs' } });
    expect(toApiVolume(volume, Date.UTC(2026, 11, 7, 17, 30, 19, 500))).toEqual({
      CreatedAt: '2026-12-07T17:30:21Z',
      Driver: 'local',
      Labels: { k: 'v' },
      Mountpoint: '/var/lib/docker/volumes/vx/_data',
      Name: 'vx',
      Options: { type: 'tmpfs' },
      Scope: 'local',
    });
  });

  it("refuses another driver and a bad name with moby's texts", () => {
    const plugin = createVolume([], { ...wish('x'), driver: 'flocker' }, 0, new Prng(1));
    expect(plugin).toEqual({
      ok: false,
      error: {
        kind: 'not-found',
        message: 'create x: error looking up volume plugin flocker: plugin "flocker" not found',
      },
    });
    // Oracle (engine 20.10.24): `docker volume create x`, `-o foo=bar`.
    const short = createVolume([], wish('x'), 0, new Prng(1));
    expect(short.ok ? '' : short.error.message).toBe(
      'create x: volume name is too short, names should be at least two alphanumeric characters',
    );
    const option = createVolume([], { ...wish('vy'), options: { foo: 'bar' } }, 0, new Prng(1));
    expect(option.ok ? '' : option.error.message).toBe('create vy: invalid option: "foo"');
  });

  it('refuses to remove a volume in use, even with force; force forgives a missing one', () => {
    const { volumes } = created([], wish('data'));
    const users = (name: string) => (name === 'data' ? ['c1', 'c2'] : []);
    expect(removeVolume(volumes, 'data', true, users)).toEqual({
      ok: false,
      error: {
        kind: 'failed-precondition',
        message: 'remove data: volume is in use - [c1, c2]',
      },
    });
    expect(removeVolume(volumes, 'nosuch', false, nobody)).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'get nosuch: no such volume' },
    });
    expect(removeVolume(volumes, 'nosuch', true, nobody)).toEqual({ ok: true, value: volumes });
    expect(removeVolume(volumes, 'data', false, nobody)).toEqual({ ok: true, value: [] });
  });

  it('lists by driver, name, label and dangling, and refuses an unknown filter', () => {
    let volumes = created([], wish('data', { tier: 'db' })).volumes;
    volumes = created(volumes, wish('logs')).volumes;
    const users = (name: string) => (name === 'data' ? ['c1'] : []);
    const names = (filters: Record<string, string[]>) => {
      const listed = listVolumes(volumes, filters, users);
      return listed.ok ? listed.value.map((v) => v.name) : listed.error.message;
    };
    expect(names({})).toEqual(['data', 'logs']);
    expect(names({ name: ['og'] })).toEqual(['logs']);
    expect(names({ label: ['tier=db'] })).toEqual(['data']);
    expect(names({ dangling: ['true'] })).toEqual(['logs']);
    expect(names({ dangling: ['false'] })).toEqual(['data']);
    expect(names({ driver: ['other'] })).toEqual([]);
    expect(names({ colour: ['x'] })).toBe("invalid filter 'colour'");
    // Oracle (engine 20.10.24) words it `Invalid filter 'dangling=[maybe]'`; 27.5.1 lower-cases it.
    expect(names({ dangling: ['maybe'] })).toBe("invalid filter 'dangling=[maybe]'");
  });

  it('prunes only unused anonymous volumes, unless all=true (API 1.42)', () => {
    let volumes = created([], wish('data')).volumes;
    const anonymous = created(volumes, wish(''), new Prng(3));
    volumes = anonymous.volumes;
    volumes = created(volumes, wish('busy')).volumes;
    const users = (name: string) => (name === 'busy' ? ['c1'] : []);
    const deleted = (filters: Record<string, string[]>) => {
      const pruned = pruneVolumes(volumes, filters, users);
      return pruned.ok ? pruned.value.deleted : pruned.error.message;
    };
    expect(deleted({})).toEqual([anonymous.volume.name]);
    expect(deleted({ all: ['true'] })).toEqual(['data', anonymous.volume.name]);
    expect(deleted({ all: ['true'], 'label!': [ANONYMOUS_LABEL] })).toEqual(['data']);
    expect(deleted({ all: ['maybe'] })).toBe(
      `invalid filter 'all': strconv.ParseBool: parsing "maybe": invalid syntax`,
    );
    expect(deleted({ dangling: ['true'] })).toBe("invalid filter 'dangling'");
  });
});

describe("a task container's mounts", () => {
  it('create the volumes they name, and show binds as moby does (oracle engine 20.10.24)', () => {
    const mounted = mountTask(
      [],
      [
        {
          Type: 'volume',
          Source: 'data',
          Target: '/data/',
          VolumeOptions: { Labels: { a: 'b' }, DriverConfig: {} },
        },
        { Type: 'bind', Source: '/etc', Target: '/hostetc', ReadOnly: true },
        { Type: 'bind', Source: '/var', Target: '/hostvar' },
        { Type: 'tmpfs', Target: '/scratch' },
      ],
      1_000,
      new Prng(1),
    );
    if (!mounted.ok) throw new Error(mounted.error.message);
    expect(mounted.value.volumes.map((v) => [v.name, v.labels])).toEqual([['data', { a: 'b' }]]);
    expect(mounted.value.mountPoints).toEqual([
      {
        Type: 'volume',
        Name: 'data',
        Source: '/var/lib/docker/volumes/data/_data',
        Destination: '/data',
        Driver: 'local',
        Mode: 'z',
        RW: true,
        Propagation: '',
      },
      {
        Type: 'bind',
        Source: '/etc',
        Destination: '/hostetc',
        Mode: '',
        RW: false,
        Propagation: 'rprivate',
      },
      // Above the daemon root: moby makes it rslave (validateBindDaemonRoot).
      {
        Type: 'bind',
        Source: '/var',
        Destination: '/hostvar',
        Mode: '',
        RW: true,
        Propagation: 'rslave',
      },
      { Type: 'tmpfs', Source: '', Destination: '/scratch', Mode: '', RW: true, Propagation: '' },
    ]);
  });

  it('go with a removed container when anonymous and no other container holds them', () => {
    const mounts = [
      { Type: 'volume', Source: 'data', Target: '/data' },
      { Type: 'volume', Target: '/anon' },
    ];
    const first = mountTask([], mounts, 0, new Prng(1));
    if (!first.ok) throw new Error(first.error.message);
    const { volumes, mountPoints } = first.value;
    expect(volumes).toHaveLength(2);
    expect(releaseVolumes(volumes, [mountPoints], [mountPoints])).toBe(volumes);
    expect(releaseVolumes(volumes, [mountPoints], []).map((v) => v.name)).toEqual(['data']);
  });
});
