import type { ContainerRecord } from '../../worker';
import type { Userland } from '../image-process';
import { buildFilesystem, dirEntry, type FsEntry, type Filesystem, type Layer } from './tree';

/**
 * The layers of a task container's root filesystem, bottom up: its image's base (Debian's or
 * Alpine's top-level directories and the programs `docker exec` can run), the image's own
 * (its entrypoint script, its working directory), and the files the daemon writes for the
 * container (`/etc/hostname`, `/etc/hosts`, `/etc/resolv.conf`). A mount is one more layer.
 */

/** When the catalogue's images were built: the mtime of what comes from an image. */
const IMAGE_MTIME_MS = Date.UTC(2025, 0, 1);

const dir = (mode = 0o755, mtimeMs = IMAGE_MTIME_MS): FsEntry => dirEntry(mode, mtimeMs);
const file = (text: string, mode = 0o644, mtimeMs = IMAGE_MTIME_MS): FsEntry => ({
  kind: 'file',
  mode,
  mtimeMs,
  text,
});
const link = (target: string): FsEntry => ({ kind: 'link', target, mtimeMs: IMAGE_MTIME_MS });

/** The programs a container can run by name (./userland): each one's file in its image. */
export const CONTAINER_PROGRAMS = [
  'cat',
  'echo',
  'env',
  'false',
  'grep',
  'hostname',
  'id',
  'ls',
  'printenv',
  'pwd',
  'true',
  'whoami',
] as const;
export type ContainerProgram = (typeof CONTAINER_PROGRAMS)[number];

const EXECUTABLE = 0o755;

/**
 * Programs the images ship that `docker exec` finds but the playground does not run yet: they
 * say so instead of failing as missing. GNU coreutils on Debian; BusyBox's applets on Alpine.
 */
const UNSIMULATED: { readonly [U in Userland]: readonly string[] } = {
  gnu: [
    'cp',
    'date',
    'df',
    'du',
    'find',
    'head',
    'mkdir',
    'mv',
    'rm',
    'sleep',
    'sort',
    'tail',
    'touch',
    'uname',
    'wc',
  ],
  busybox: [
    'cp',
    'date',
    'df',
    'du',
    'find',
    'head',
    'mkdir',
    'mv',
    'nslookup',
    'ping',
    'ps',
    'rm',
    'sleep',
    'sort',
    'tail',
    'top',
    'touch',
    'uname',
    'vi',
    'wc',
    'wget',
  ],
};

/** Debian bookworm: /bin, /lib and /sbin are links into /usr (the merged /usr). */
function debianBase(): Layer {
  const tops = [
    'boot',
    'dev',
    'etc',
    'home',
    'media',
    'mnt',
    'opt',
    'proc',
    'root',
    'run',
    'srv',
    'sys',
    'usr',
    'var',
  ];
  return [
    ...topDirectories(tops),
    ['/usr/bin', dir()],
    ['/usr/lib', dir()],
    ['/usr/lib64', dir()],
    ['/usr/sbin', dir()],
    ['/usr/local/bin', dir()],
    ['/bin', link('usr/bin')],
    ['/lib', link('usr/lib')],
    ['/lib64', link('usr/lib64')],
    ['/sbin', link('usr/sbin')],
    ...[...CONTAINER_PROGRAMS, ...UNSIMULATED.gnu].map((name): readonly [string, FsEntry] => [
      `/usr/bin/${name}`,
      file('', EXECUTABLE),
    ]),
    ['/usr/bin/sh', link('dash')],
    ['/usr/bin/dash', file('', EXECUTABLE)],
    ['/usr/bin/bash', file('', EXECUTABLE)],
    ['/etc/os-release', link('../usr/lib/os-release')],
    [
      '/usr/lib/os-release',
      file(
        'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
      ),
    ],
  ];
}

/** The top-level directories of an image's root, `/root` private, and the sticky `/tmp`. */
function topDirectories(names: readonly string[]): Layer {
  return [
    ...names.map((name): readonly [string, FsEntry] => [
      `/${name}`,
      dir(name === 'root' ? 0o700 : 0o755),
    ]),
    ['/tmp', dir(0o1777)],
  ];
}

/** Alpine and BusyBox: every program is a link to /bin/busybox. */
function busyboxBase(): Layer {
  const tops = [
    'dev',
    'etc',
    'home',
    'lib',
    'media',
    'mnt',
    'opt',
    'proc',
    'root',
    'run',
    'sbin',
    'srv',
    'sys',
    'usr',
    'var',
  ];
  return [
    ...topDirectories(tops),
    ['/bin/busybox', file('', EXECUTABLE)],
    ...[...CONTAINER_PROGRAMS, ...UNSIMULATED.busybox, 'sh', 'ash'].map(
      (name): readonly [string, FsEntry] => [`/bin/${name}`, link('/bin/busybox')],
    ),
    ['/usr/local/bin', dir()],
    [
      '/etc/os-release',
      file(
        'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.2\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
      ),
    ],
  ];
}

const BASES: { readonly [U in Userland]: () => Layer } = { gnu: debianBase, busybox: busyboxBase };

/**
 * The image's own files: the programs its entrypoint and cmd name (a script without a path is
 * found in /usr/local/bin, as docker-library images put them; an absolute path is where it
 * says), and its working directory. The base already has the shells and small programs.
 */
function imageLayer(container: ContainerRecord): Layer {
  const entries: (readonly [string, FsEntry])[] = [];
  const programs = [container.entrypoint?.[0], container.cmd?.[0]];
  for (const program of programs) {
    if (program === undefined || program === '' || isBaseProgram(program)) continue;
    const path = program.startsWith('/') ? program : `/usr/local/bin/${program}`;
    entries.push([path, file(program.endsWith('.sh') ? '#!/bin/sh\n' : '', EXECUTABLE)]);
  }
  if (container.entrypoint?.[0] === '/docker-entrypoint.sh') {
    entries.push(['/docker-entrypoint.d', dir()]);
  }
  if (container.workingDir !== '') entries.push([container.workingDir, dir()]);
  return entries;
}

function isBaseProgram(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return ['sh', 'ash', 'bash', 'dash', ...CONTAINER_PROGRAMS, ...UNSIMULATED.busybox].includes(
    base,
  );
}

/** libnetwork etchosts: the default records, then the container's address and hostname. */
export function hostsFile(container: ContainerRecord): string {
  const records = [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'ff00::0\tip6-mcastprefix',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
  ];
  if (container.ipAddress !== '') records.push(`${container.ipAddress}\t${container.hostname}`);
  return `${records.join('\n')}\n`;
}

/**
 * libnetwork resolvconf for the default bridge (its "legacy" transform): the host's
 * nameservers without loopback ones; a lab VM's is systemd-resolved's 127.0.0.53 alone, so
 * Docker's defaults are used, and says so in its trailing comment.
 */
export const RESOLV_CONF =
  "# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n\n# Based on host file: '/etc/resolv.conf' (legacy)\n# Used default nameservers.\n# Overrides: []\n";

function containerLayer(container: ContainerRecord, epochMs: number): Layer {
  const at = epochMs + (container.startedAtMs ?? container.createdAtMs);
  // The daemon writes these at the start, so / and /etc carry that instant too.
  return [
    ['/', dir(0o755, at)],
    ['/etc', dir(0o755, at)],
    ['/etc/hostname', file(`${container.hostname}\n`, 0o644, at)],
    ['/etc/hosts', file(hostsFile(container), 0o644, at)],
    ['/etc/resolv.conf', file(RESOLV_CONF, 0o644, at)],
  ];
}

/**
 * The container's mounts, one more layer: each target is a directory (the daemon makes the
 * mount point). What a volume or a bound host directory holds is not simulated: a volume shows
 * what the image had there (moby copies it into a new volume), a bind the same.
 */
function mountLayer(container: ContainerRecord, epochMs: number): Layer {
  const at = epochMs + (container.startedAtMs ?? container.createdAtMs);
  return (container.mounts ?? []).map((point) => [point.Destination, dir(0o755, at)] as const);
}

export function containerFilesystem(
  container: ContainerRecord,
  epochMs: number,
  mounts: readonly Layer[] = [],
): Filesystem {
  return buildFilesystem([
    BASES[container.userland](),
    imageLayer(container),
    containerLayer(container, epochMs),
    mountLayer(container, epochMs),
    ...mounts,
  ]);
}
