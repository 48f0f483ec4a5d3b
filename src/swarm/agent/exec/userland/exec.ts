import { mountedFileLayer } from '../secret-mounts';
import type { ExecResult } from '../../../../api/container';
import type { ContainerRecord } from '../../worker';
import { containerFilesystem } from '../rootfs/layers';
import { absolutePath, resolvePath } from '../rootfs/tree';
import { lookPath } from './lookpath';
import { lookupUser } from './passwd';
import type { ProcessContext, ProcessResult } from './process';
import { isContainerProgram, PROGRAMS, SHELLS } from './programs';
import { runShell } from './shell';

/**
 * `docker exec`, on the node that runs the container (moby daemon/exec.go): the process runs
 * in the container, so its output is the container's userland's (BusyBox's or GNU's texts), over
 * the container's files, environment and hostname; the CLI only shows the streams and exits
 * with the code, as docker's attach stream and exec inspect carry them. So the programs live
 * here, with the container, and not in the playground's own shell (src/cli), which is the
 * host's Ubuntu userland.
 */
export interface ExecRequest {
  readonly cmd: readonly string[];
  /** `-e`: `NAME=value`, or `NAME` to unset it. */
  readonly env: readonly string[];
  readonly workdir: string;
  readonly user: string;
  readonly tty: boolean;
  readonly stdin: string;
}

/** moby system.DefaultPathEnv for Linux. */
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function envKey(entry: string): string {
  const equals = entry.indexOf('=');
  return equals === -1 ? entry : entry.slice(0, equals);
}

/** moby container.ReplaceOrAppendEnvValues: a name replaces in place, a bare name unsets. */
export function replaceOrAppendEnv(
  base: readonly string[],
  overrides: readonly string[],
): readonly string[] {
  const env = [...base];
  for (const entry of overrides) {
    const key = envKey(entry);
    const index = env.findIndex((item) => envKey(item) === key);
    if (!entry.includes('=')) {
      if (index !== -1) env.splice(index, 1);
    } else if (index === -1) env.push(entry);
    else env[index] = entry;
  }
  return env;
}

/**
 * The exec's environment: moby's CreateDaemonEnvironment (PATH, HOSTNAME, TERM with a TTY),
 * the container's Env over it, the exec's `-e` over that; runc then adds HOME from passwd.
 */
export function execEnvironment(
  container: ContainerRecord,
  request: ExecRequest,
  home: string,
): readonly string[] {
  const daemon = [
    DEFAULT_PATH,
    `HOSTNAME=${container.hostname}`,
    ...(request.tty ? ['TERM=xterm'] : []),
  ];
  const env = replaceOrAppendEnv(replaceOrAppendEnv(daemon, container.env), request.env);
  return env.some((entry) => envKey(entry) === 'HOME') ? env : [...env, `HOME=${home}`];
}

/** A start failure: the daemon writes it on the attached stream (stdout, CRLF), exit 126. */
function startFailure(message: string): ExecResult {
  return { stdout: `${message}\r\n`, stderr: '', exitCode: 126 };
}

function ociFailure(cause: string): ExecResult {
  return startFailure(
    `OCI runtime exec failed: exec failed: unable to start container process: ${cause}: unknown`,
  );
}

export function execInContainer(
  container: ContainerRecord,
  request: ExecRequest,
  epochMs: number,
  nowMs: number,
): ExecResult {
  const user = lookupUser(container.userland, request.user !== '' ? request.user : container.user);
  if (!user.ok) return startFailure(user.error);
  const mounted = mountedFileLayer(container.files ?? [], epochMs + (container.startedAtMs ?? 0));
  const fs = containerFilesystem(container, epochMs, [mounted]);
  const cwd = absolutePath('/', request.workdir || container.workingDir || '/');
  const context: ProcessContext = {
    fs,
    userland: container.userland,
    hostname: container.hostname,
    env: execEnvironment(container, request, user.home),
    cwd,
    user: { uid: user.uid, gid: user.gid, entry: user.entry },
    stdin: request.stdin,
    nowEpochMs: epochMs + nowMs,
  };
  const workdir = resolvePath(fs, cwd);
  if (!workdir.ok || workdir.entry.kind !== 'dir') {
    const reason = workdir.ok ? 'not a directory' : 'no such file or directory';
    return ociFailure(`chdir to cwd ("${cwd}") set in config.json failed: ${reason}`);
  }
  const [name = '', ...args] = request.cmd;
  const found = lookPath(name, context);
  if (!found.ok) return ociFailure(found.error);
  const outcome = runProgram(found.program, name, args, context);
  if (!request.tty) return outcome;
  // A TTY has one stream, and its line discipline ends lines with CRLF.
  const merged = outcome.stdout + outcome.stderr;
  return { stdout: merged.replaceAll('\n', '\r\n'), stderr: '', exitCode: outcome.exitCode };
}

function runProgram(
  program: string,
  invoked: string,
  args: readonly string[],
  context: ProcessContext,
): ProcessResult {
  if (SHELLS.has(program)) {
    return runShell(invoked, args, context, (argv, inner) => {
      const [command = '', ...rest] = argv;
      const found = lookPath(command, inner);
      return found.ok ? runProgram(found.program, command, rest, inner) : null;
    });
  }
  if (isContainerProgram(program)) return PROGRAMS[program](args, context);
  return {
    stdout: '',
    stderr: `${invoked}: not simulated in this playground yet\n`,
    exitCode: 1,
  };
}
