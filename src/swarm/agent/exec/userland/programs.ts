import type { ContainerProgram } from '../rootfs/layers';
import { cat, ls } from './files';
import { env, hostname, id, printenv, pwd, whoami } from './identity';
import type { Program } from './process';
import { echo, falseProgram, grep, trueProgram } from './text';

/** Each program a container's image ships that the playground runs, by its name. */
export const PROGRAMS: { readonly [P in ContainerProgram]: Program } = {
  cat,
  echo,
  env,
  false: falseProgram,
  grep,
  hostname,
  id,
  ls,
  printenv,
  pwd,
  true: trueProgram,
  whoami,
};

export function isContainerProgram(name: string): name is ContainerProgram {
  return Object.hasOwn(PROGRAMS, name);
}

/** The shells images ship: `sh -c '…'` runs in ./shell.ts. */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'ash', 'dash', 'bash']);
