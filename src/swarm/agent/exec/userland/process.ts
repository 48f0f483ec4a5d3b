import type { Userland } from '../image-process';
import type { Filesystem } from '../rootfs/tree';

/** A user as the container's /etc/passwd names it. */
export interface PasswdUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly group: string;
  readonly home: string;
  /** Supplementary groups as `id` lists them after the primary one: `1(bin)`. */
  readonly groups: readonly string[];
}

/** What one process in the container sees. */
export interface ProcessContext {
  readonly fs: Filesystem;
  readonly userland: Userland;
  readonly hostname: string;
  /** Its environment, `NAME=value`, in order. */
  readonly env: readonly string[];
  readonly cwd: string;
  readonly user: { readonly uid: number; readonly gid: number; readonly entry: PasswdUser | null };
  readonly stdin: string;
  /** The instant it runs, epoch ms (for `ls -l`'s recent-file dates). */
  readonly nowEpochMs: number;
}

export interface ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export type Program = (args: readonly string[], context: ProcessContext) => ProcessResult;

export function result(stdout: string, stderr = '', exitCode = 0): ProcessResult {
  return { stdout, stderr, exitCode };
}

export function envValue(env: readonly string[], name: string): string | undefined {
  const entry = env.find((item) => item.startsWith(`${name}=`));
  return entry?.slice(name.length + 1);
}
