import type { CancelSignal } from '../../lib/cancel';
import type {
  HostContext,
  InputStream,
  OutputStream,
  ProcessContext,
  ProgramEntry,
  TerminalControl,
} from '../process';
import { expandToFields, expandToString, type ExpansionContext } from './expansion';
import { parse } from './parser';
import {
  applyRedirections,
  flushFileOutputs,
  type CommandStreams,
  type ExpandedRedirection,
} from './redirection';
import { CollectedOutput, Pipe } from './streams';
import type { AndOrList, Pipeline, SimpleCommand } from './syntax';
import type { ShellVariables } from './variables';

/**
 * Runs parsed command lines with bash's semantics: `;` runs the next command whatever happened,
 * `&&` and `||` test the last status, a pipeline's status is its last stage's, `$?` is updated
 * after each pipeline, and Ctrl+C stops the whole line with status 130.
 */

/** Status of a command killed by Ctrl+C (128 + SIGINT), as bash reports it. */
export const interruptedStatus = 130;
export const commandNotFoundStatus = 127;
export const syntaxErrorStatus = 2;

export interface ExecutionEnvironment {
  readonly programs: ReadonlyMap<string, ProgramEntry>;
  readonly variables: ShellVariables;
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The stream that is the terminal: a program whose stdout is this one gets `terminal`. */
  readonly terminalOutput: OutputStream;
  readonly terminal: TerminalControl;
  readonly cancel: CancelSignal;
  /** The machine, as a program sees it with `environment` as its environment. */
  host(environment: ReadonlyMap<string, string>): HostContext;
}

export class Executor {
  readonly #environment: ExecutionEnvironment;

  constructor(environment: ExecutionEnvironment) {
    this.#environment = environment;
  }

  /** Parses and runs a complete line; resolves to the final `$?`. */
  async runSource(source: string): Promise<number> {
    const parsed = parse(source);
    const { variables, stderr } = this.#environment;
    if (parsed.kind === 'complete') return this.run(parsed.list);
    // An incomplete line here has no more input coming (`$(echo 'a)`): bash reports end of file.
    const message =
      parsed.kind === 'error' ? parsed.message : 'bash: syntax error: unexpected end of file';
    stderr.write(`${message}\n`);
    variables.lastStatus = syntaxErrorStatus;
    return syntaxErrorStatus;
  }

  async run(list: readonly AndOrList[]): Promise<number> {
    const { variables, cancel } = this.#environment;
    for (const andOr of list) {
      await this.#runAndOr(andOr);
      if (cancel.cancelled) break;
    }
    if (cancel.cancelled) variables.lastStatus = interruptedStatus;
    return variables.lastStatus;
  }

  async #runAndOr(andOr: AndOrList): Promise<void> {
    const { variables, cancel } = this.#environment;
    variables.lastStatus = await this.#runPipeline(andOr.first);
    for (const { operator, pipeline } of andOr.rest) {
      if (cancel.cancelled) return;
      const succeeded = variables.lastStatus === 0;
      if (succeeded === (operator === '&&'))
        variables.lastStatus = await this.#runPipeline(pipeline);
    }
  }

  async #runPipeline(pipeline: Pipeline): Promise<number> {
    const { stdin, stdout, stderr, cancel } = this.#environment;
    const pipes = pipeline.stages.slice(1).map(() => new Pipe());
    // Every stage starts at once, as in bash; a reader waits until its writer has finished.
    const statuses = await Promise.all(
      pipeline.stages.map(async (stage, index) => {
        const pipe = pipes[index];
        const streams: CommandStreams = {
          stdin: pipes[index - 1] ?? stdin,
          stdout: pipe ?? stdout,
          stderr: stage.pipeStderr && pipe !== undefined ? pipe : stderr,
        };
        try {
          return await this.#runCommand(stage.command, streams);
        } finally {
          pipe?.close();
        }
      }),
    );
    if (cancel.cancelled) return interruptedStatus;
    const status = statuses.at(-1) ?? 0;
    if (!pipeline.negated) return status;
    return status === 0 ? 1 : 0;
  }

  async #runCommand(command: SimpleCommand, streams: CommandStreams): Promise<number> {
    if (this.#environment.cancel.cancelled) return interruptedStatus;
    const substitution = { status: null as number | null };
    const expansion = this.#expansionContext(streams.stderr, substitution);
    const fields: string[] = [];
    for (const word of command.words) fields.push(...(await expandToFields(word, expansion)));
    const assignments = await Promise.all(
      command.assignments.map(
        async ({ name, value }) => [name, await expandToString(value, expansion)] as const,
      ),
    );
    const redirections: ExpandedRedirection[] = [];
    for (const redirection of command.redirections) {
      redirections.push({
        ...redirection,
        target: await expandToString(redirection.target, expansion),
      });
    }
    const host = this.#environment.host(this.#environment.variables.environment());
    const targets = { files: host.files, cwd: host.cwd ?? '/root' };
    const redirected = await applyRedirections(streams, redirections, targets);
    if (redirected.kind === 'error') {
      redirected.stderr.write(`${redirected.message}\n`);
      return 1;
    }
    const [name, ...args] = fields;
    let status: number;
    if (name === undefined) {
      for (const [variable, value] of assignments) this.#environment.variables.set(variable, value);
      status = substitution.status ?? 0;
    } else {
      status = await this.#runProgram({ name, args, assignments, streams: redirected.streams });
    }
    const failure = await flushFileOutputs(redirected.fileOutputs, targets.files);
    if (failure === null) return status;
    streams.stderr.write(`${failure}\n`);
    return 1;
  }

  async #runProgram(invocation: {
    name: string;
    args: readonly string[];
    assignments: readonly (readonly [string, string])[];
    streams: CommandStreams;
  }): Promise<number> {
    const { name, args, streams } = invocation;
    const entry = this.#environment.programs.get(name);
    if (entry === undefined) {
      // A name with a slash is a path, and bash reports the missing file instead.
      const reason = name.includes('/') ? 'No such file or directory' : 'command not found';
      streams.stderr.write(`bash: ${name}: ${reason}\n`);
      return commandNotFoundStatus;
    }
    const environment = this.#environment.variables.environment();
    for (const [variable, value] of invocation.assignments) environment.set(variable, value);
    const interrupt: Interrupt = { trapped: 0, killed: false };
    return runUntilCancelled(
      entry,
      {
        args,
        stdin: streams.stdin,
        stdout: silencedOnceKilled(streams.stdout, interrupt),
        stderr: silencedOnceKilled(streams.stderr, interrupt),
        cancel: this.#environment.cancel,
        host: this.#environment.host(environment),
        terminal:
          streams.stdout === this.#environment.terminalOutput ? this.#environment.terminal : null,
        trapInterrupt: () => {
          interrupt.trapped++;
          return () => {
            interrupt.trapped--;
          };
        },
      },
      interrupt,
    );
  }

  #expansionContext(
    stderr: OutputStream,
    substitution: { status: number | null },
  ): ExpansionContext {
    const { variables } = this.#environment;
    return {
      lookup: (name) => variables.get(name),
      substitute: async (source) => {
        // A subshell: its variables are a copy, its stdout is collected, its stderr is ours.
        const output = new CollectedOutput();
        const subshellVariables = variables.clone();
        const subshell = new Executor({
          ...this.#environment,
          variables: subshellVariables,
          stdout: output,
          stderr,
        });
        substitution.status = await subshell.runSource(source);
        return output.text;
      },
    };
  }
}

/**
 * How Ctrl+C meets one program: a program that trapped it (`trapInterrupt`) is left to finish
 * and print; one that did not is killed, and nothing it writes afterwards shows.
 */
interface Interrupt {
  trapped: number;
  killed: boolean;
}

/** A killed process writes nothing more: drop what it still writes. */
function silencedOnceKilled(stream: OutputStream, interrupt: Interrupt): OutputStream {
  return {
    write: (text) => {
      if (!interrupt.killed) stream.write(text);
    },
  };
}

async function runUntilCancelled(
  entry: ProgramEntry,
  context: ProcessContext,
  interrupt: Interrupt,
): Promise<number> {
  let dispose = (): void => undefined;
  const cancelled = new Promise<number>((resolve) => {
    dispose = context.cancel.onCancel(() => {
      if (interrupt.trapped > 0) return;
      interrupt.killed = true;
      resolve(interruptedStatus);
    });
  });
  try {
    // Ctrl+C kills the process: the shell does not wait for a program that ignores it.
    return await Promise.race([runProgramSafely(entry, context), cancelled]);
  } finally {
    dispose();
  }
}

async function runProgramSafely(entry: ProgramEntry, context: ProcessContext): Promise<number> {
  try {
    return await entry.run(context);
  } catch (error) {
    // A throwing program is a playground bug; the learner's shell must survive it.
    const detail = error instanceof Error ? error.message : String(error);
    context.stderr.write(`${entry.name}: internal playground error: ${detail}\n`);
    return 1;
  }
}
