import type { HostFiles } from '../../lib/filesystem';
import type { EngineApi } from '../../api/engine';
import { Canceller } from '../../lib/cancel';
import type { VirtualClock } from '../../lib/virtual-clock';
import type {
  HostContext,
  InputStream,
  RawInput,
  RawTerminal,
  LabControl,
  OutputStream,
  ProgramEntry,
  ServiceManager,
  TerminalControl,
} from '../process';
import { exitRefusal } from '../programs/exit';
import { createShellBuiltins } from './builtins';
import { completeLine, formatCandidates } from './completion';
import { Executor, interruptedStatus, syntaxErrorStatus } from './executor';
import { addToHistory } from './history';
import { Key, splitKeys } from '../tty/keys';
import {
  drawLineAgain,
  insertText,
  moveToLineEnd,
  pressKey,
  resizeLine,
  startLine,
  type EditorAction,
  type LineEditorState,
} from './line-editor';
import { parse } from './parser';
import {
  pressEchoedKey,
  pressSecretKey,
  pressStreamKey,
  type SecretKeyResult,
} from '../tty/line-reader';
import type { IncompleteReason } from './syntax';
import { toPlainText, toTerminalNewlines } from './terminal-text';
import { ShellVariables } from './variables';

/**
 * One machine's interactive shell, attached to one terminal: the line editor, history, the `> `
 * continuation prompt, type-ahead while a command runs, Ctrl+C, and the automation entry point
 * `submit`. It only writes to a `TerminalPort`, so it runs without xterm or a DOM.
 */

/** What the shell writes to: an xterm.js terminal in the page, a recorder in tests. */
export interface TerminalPort {
  write(data: string): void;
  readonly columns: number;
  readonly rows: number;
}

export interface ShellSessionOptions {
  readonly hostname: string;
  readonly programs: readonly ProgramEntry[];
  readonly engine: EngineApi;
  /** The machine's virtual time, for commands that wait on it. */
  readonly clock: VirtualClock;
  /** The machine's systemd, for `systemctl`; absent in tests that do not need it. */
  readonly systemd?: ServiceManager;
  /** The playground's own controls, for the `playground` command. */
  readonly lab?: LabControl;
  /** The machine's own files, for redirections and the file programs. */
  readonly files?: HostFiles;
  /** The terminal the session writes to. */
  readonly port: TerminalPort;
  /** History saved from an earlier visit, oldest first. */
  readonly history?: readonly string[];
  /** Called whenever a line is added to the history, for persistence. */
  readonly onHistoryChange?: (history: readonly string[]) => void;
}

export interface SubmitResult {
  /** What the terminal showed for the command, as plain text with `\n` line ends. */
  readonly output: string;
  readonly exitCode: number;
}

const continuationPrompt = '> ';

interface Continuation {
  readonly lines: readonly string[];
  readonly historyText: string;
  readonly reason: IncompleteReason;
}

interface Capture {
  text: string;
  /** Where the latest prompt starts in `text`: the prompt is not part of the output. */
  promptStart: number;
  /** Recording starts when the submitted line is accepted, after its echo. */
  started: boolean;
  readonly resolve: (result: SubmitResult) => void;
}

/** A full-screen program's raw terminal: keys it has not read yet, and a read waiting. */
interface RawRead {
  readonly queue: RawInput[];
  waiting: ((input: RawInput | null) => void) | null;
}

interface SecretRead {
  text: string;
  /**
   * A secret's prompt does not echo what is typed; a confirmation prompt does; a program that
   * reads the terminal to its end gets each line as typed, with its newline (`stream`).
   */
  readonly mode: 'secret' | 'echo' | 'stream';
  readonly resolve: (line: string | null) => void;
}

export class ShellSession {
  readonly #hostname: string;
  readonly #engine: EngineApi;
  readonly #clock: VirtualClock;
  readonly #systemd: ServiceManager | undefined;
  readonly #lab: LabControl | undefined;
  readonly #files: HostFiles | undefined;
  readonly #port: TerminalPort;
  readonly #onHistoryChange: (history: readonly string[]) => void;
  readonly #programs = new Map<string, ProgramEntry>();
  readonly #variables: ShellVariables;
  #history: readonly string[];
  #state: 'not started' | 'editing' | 'running' = 'not started';
  #editor: LineEditorState;
  #continuation: Continuation | null = null;
  /** Keys typed while a command runs, read when the shell next reads input. */
  readonly #typeAhead: string[] = [];
  #secret: SecretRead | null = null;
  #raw: RawRead | null = null;
  #canceller: Canceller | null = null;
  /** The previous key was a Tab that changed nothing: the next Tab lists candidates. */
  #tabListsNext = false;
  readonly #submissions: { readonly line: string; readonly resolve: Capture['resolve'] }[] = [];
  #capture: Capture | null = null;
  /** Whether the terminal's cursor is at the start of a line (the last write ended one). */
  #atLineStart = true;
  readonly #terminalOutput: OutputStream = {
    write: (text) => {
      this.#write(toTerminalNewlines(text));
    },
  };
  readonly #terminalControl: TerminalControl;
  readonly #terminalInput: InputStream = { isTerminal: true, readAll: () => this.#readToEnd() };

  constructor(options: ShellSessionOptions) {
    this.#hostname = options.hostname;
    this.#engine = options.engine;
    this.#clock = options.clock;
    this.#systemd = options.systemd;
    this.#lab = options.lab;
    this.#files = options.files;
    this.#port = options.port;
    this.#onHistoryChange = options.onHistoryChange ?? (() => undefined);
    this.#history = options.history ?? [];
    this.#variables = new ShellVariables(
      defaultEnvironment(options.hostname),
      processIdFor(options.hostname),
    );
    for (const entry of [...options.programs, ...createShellBuiltins(this.#variables)]) {
      this.#programs.set(entry.name, entry);
    }
    this.#editor = startLine({ prompt: '', columns: this.#port.columns, history: [] }).state;
    const port = this.#port;
    this.#terminalControl = {
      get columns() {
        return port.columns;
      },
      get rows() {
        return port.rows;
      },
      raw: () => this.#enterRaw(),
      readSecretLine: (prompt) => this.#readTerminal(prompt, 'secret'),
      readLine: (prompt) => this.#readTerminal(prompt, 'echo'),
    };
  }

  get history(): readonly string[] {
    return this.#history;
  }

  /** True while a command runs (keys are type-ahead until it ends). */
  get busy(): boolean {
    return this.#state === 'running';
  }

  /** Shows the first prompt. Keys and submissions that came earlier are handled now. */
  start(): void {
    if (this.#state !== 'not started') return;
    this.#showPrompt();
  }

  /** Feeds what xterm.js delivers in `onData`: typed keys, escape sequences or a paste. */
  input(data: string): void {
    for (const key of splitKeys(data.replace(/\r\n/g, '\r'))) this.#handleKey(key);
  }

  /**
   * Runs a line as if the user had typed it and pressed Enter, once the shell is waiting for
   * input. A half-typed line is abandoned as with Ctrl+C; a `> ` continuation takes the line as
   * its next line. Resolves with what the terminal showed
   * between the line's echo and the next prompt, and the `$?` that followed.
   */
  submit(line: string): Promise<SubmitResult> {
    return new Promise((resolve) => {
      this.#submissions.push({ line, resolve });
      this.#startNextSubmission();
    });
  }

  /** Ctrl+C, from a button rather than the keyboard. */
  interrupt(): void {
    this.#handleKey(Key.controlC);
  }

  resize(columns: number): void {
    this.#feedRaw({ kind: 'resize' });
    this.#editor = resizeLine(this.#editor, columns);
  }

  #write(text: string): void {
    if (text === '') return;
    this.#atLineStart = text.endsWith('\n');
    this.#port.write(text);
    if (this.#capture?.started === true) this.#capture.text += text;
  }

  #handleKey(key: string): void {
    switch (this.#state) {
      case 'not started':
        this.#typeAhead.push(key);
        return;
      case 'running':
        this.#handleKeyWhileRunning(key);
        return;
      case 'editing':
        this.#handleEditingKey(key);
        return;
    }
  }

  #handleKeyWhileRunning(key: string): void {
    if (this.#raw !== null) this.#feedRaw({ kind: 'key', key });
    else if (key === Key.controlC) this.#interruptCommand();
    else if (this.#secret !== null) this.#feedSecret(this.#secret, key);
    else this.#typeAhead.push(key);
  }

  #handleEditingKey(key: string): void {
    if (key === Key.tab) {
      this.#tabListsNext = !this.#complete(this.#tabListsNext);
      return;
    }
    this.#tabListsNext = false;
    const update = pressKey(this.#editor, key);
    this.#editor = update.state;
    this.#write(update.output);
    this.#act(update.action);
  }

  #act(action: EditorAction): void {
    switch (action.kind) {
      case 'none':
      case 'complete':
        return;
      case 'submit':
        this.#acceptLine(action.line);
        return;
      case 'interrupt':
        // Bash sets $? to 130 when Ctrl+C abandons the line being typed.
        this.#continuation = null;
        this.#variables.lastStatus = interruptedStatus;
        this.#showPrompt();
        return;
      case 'end-of-file':
        this.#endOfFile();
        return;
    }
  }

  #acceptLine(line: string): void {
    if (this.#capture !== null) this.#capture.started = true;
    const previous = this.#continuation;
    const lines = [...(previous?.lines ?? []), line];
    const source = lines.join('\n');
    const historyText = previous === null ? line : joinForHistory(previous, line);
    const parsed = parse(source);
    if (parsed.kind === 'incomplete') {
      this.#continuation = { lines, historyText, reason: parsed.reason };
      this.#showPrompt(continuationPrompt);
      return;
    }
    this.#continuation = null;
    this.#recordHistory(historyText);
    if (parsed.kind === 'complete' && parsed.list.length === 0) {
      this.#showPrompt();
      return;
    }
    void this.#run(source);
  }

  async #run(source: string): Promise<void> {
    this.#state = 'running';
    const canceller = new Canceller();
    this.#canceller = canceller;
    try {
      await this.#executor(canceller).runSource(source);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#terminalOutput.write(`bash: internal playground error: ${detail}\n`);
      this.#variables.lastStatus = 1;
    }
    this.#canceller = null;
    this.#secret?.resolve(null);
    this.#secret = null;
    this.#leaveRaw();
    // After `^C` the prompt starts on a new line, as bash does when a command dies of SIGINT;
    // a program that caught it and ended its own line (docker's progress) needs none.
    if (canceller.cancelled && !this.#atLineStart) this.#write('\r\n');
    this.#showPrompt();
  }

  #executor(canceller: Canceller): Executor {
    return new Executor({
      programs: this.#programs,
      variables: this.#variables,
      stdin: this.#terminalInput,
      stdout: this.#terminalOutput,
      stderr: this.#terminalOutput,
      terminalOutput: this.#terminalOutput,
      terminal: this.#terminalControl,
      cancel: canceller.signal,
      host: (environment) => this.#hostContext(environment),
    });
  }

  #hostContext(environment: ReadonlyMap<string, string>): HostContext {
    return {
      hostname: this.#hostname,
      engine: this.#engine,
      clock: this.#clock,
      history: this.#history,
      env: environment,
      programs: [...this.#programs.values()],
      ...(this.#systemd === undefined ? {} : { systemd: this.#systemd }),
      ...(this.#lab === undefined ? {} : { lab: this.#lab }),
      ...(this.#files === undefined ? {} : { files: this.#files }),
      cwd: environment.get('PWD') ?? '/root',
    };
  }

  #recordHistory(line: string): void {
    const history = addToHistory(this.#history, line);
    if (history === this.#history) return;
    this.#history = history;
    this.#onHistoryChange(history);
  }

  #primaryPrompt(): string {
    return `root@${this.#hostname}:~# `;
  }

  #showPrompt(prompt = this.#primaryPrompt()): void {
    this.#state = 'editing';
    if (this.#capture?.started === true) this.#capture.promptStart = this.#capture.text.length;
    const update = startLine({ prompt, columns: this.#port.columns, history: this.#history });
    this.#editor = update.state;
    this.#write(update.output);
    this.#drainTypeAhead();
    this.#settleIfIdle();
  }

  #drainTypeAhead(): void {
    while (this.#state === 'editing') {
      const key = this.#typeAhead.shift();
      if (key === undefined) return;
      this.#handleEditingKey(key);
    }
  }

  /** When the shell waits for keys with nothing queued, a submission is done (or can start). */
  #settleIfIdle(): void {
    if (this.#state !== 'editing' || this.#typeAhead.length > 0) return;
    const capture = this.#capture;
    if (capture?.started === true) {
      this.#capture = null;
      capture.resolve({
        output: toPlainText(capture.text.slice(0, capture.promptStart)),
        exitCode: this.#variables.lastStatus,
      });
    }
    this.#startNextSubmission();
  }

  #startNextSubmission(): void {
    if (this.#state !== 'editing' || this.#typeAhead.length > 0 || this.#capture !== null) return;
    const submission = this.#submissions.shift();
    if (submission === undefined) return;
    // A half-typed line is abandoned; a `> ` continuation goes on, as typing would continue it.
    if (this.#editor.characters.length > 0) this.#abandonLine();
    this.#capture = { text: '', promptStart: 0, started: false, resolve: submission.resolve };
    this.#typeAhead.push(...splitKeys(`${submission.line.replace(/\r\n?|\n/g, '\r')}\r`));
    this.#drainTypeAhead();
    this.#settleIfIdle();
  }

  /** Abandons a half-typed line as Ctrl+C would, without settling a submission. */
  #abandonLine(): void {
    this.#write(`${moveToLineEnd(this.#editor)}^C\r\n`);
    this.#continuation = null;
    this.#variables.lastStatus = interruptedStatus;
    const update = startLine({
      prompt: this.#primaryPrompt(),
      columns: this.#port.columns,
      history: this.#history,
    });
    this.#editor = update.state;
    this.#write(update.output);
  }

  #endOfFile(): void {
    if (this.#continuation !== null) {
      this.#write('\r\nbash: syntax error: unexpected end of file\r\n');
      this.#continuation = null;
      this.#variables.lastStatus = syntaxErrorStatus;
    } else {
      this.#write(`\r\n${exitRefusal}\r\n`);
    }
    this.#showPrompt();
  }

  /** Handles Tab; returns whether the line changed. `listing` is true on a second Tab. */
  #complete(listing: boolean): boolean {
    const result = completeLine({
      textBeforeCursor: this.#editor.characters.slice(0, this.#editor.cursor).join(''),
      programs: this.#programs,
    });
    if (result.kind === 'none') {
      this.#write('\x07');
      return false;
    }
    if (result.insertion !== '') {
      const update = insertText(this.#editor, result.insertion);
      this.#editor = update.state;
      this.#write(update.output);
      return true;
    }
    if (!listing) {
      this.#write('\x07');
      return false;
    }
    const listingText = formatCandidates(result.candidates, this.#port.columns);
    this.#write(
      `${moveToLineEnd(this.#editor)}\r\n${listingText}\r\n${drawLineAgain(this.#editor)}`,
    );
    return false;
  }

  /**
   * Stdin as the terminal: what the user types until Ctrl+D on an empty line, each line echoed
   * as typed (`cat`, `docker secret create x -`). Ctrl+C ends the command instead.
   */
  async #readToEnd(): Promise<string> {
    let text = '';
    for (;;) {
      const chunk = await this.#readTerminal('', 'stream');
      if (chunk === null) return text;
      text += chunk;
    }
  }

  #readTerminal(prompt: string, mode: SecretRead['mode']): Promise<string | null> {
    return new Promise((resolve) => {
      if (this.#canceller === null || this.#canceller.cancelled) {
        resolve(null);
        return;
      }
      this.#terminalOutput.write(prompt);
      const secret: SecretRead = { text: '', mode, resolve };
      this.#secret = secret;
      while (this.#secret === secret) {
        const key = this.#typeAhead.shift();
        if (key === undefined) return;
        this.#feedSecret(secret, key);
      }
    });
  }

  #feedSecret(secret: SecretRead, key: string): void {
    if (key === Key.controlC) {
      this.#interruptCommand();
      return;
    }
    const result = keyResult(secret, key);
    if (result.kind === 'reading') {
      secret.text = result.text;
      if (result.echo !== undefined && result.echo !== '') this.#write(result.echo);
      return;
    }
    this.#secret = null;
    this.#write(result.output);
    secret.resolve(result.line);
  }

  /** Raw mode for a full-screen program: what was typed ahead is its first input. */
  #enterRaw(): RawTerminal {
    const raw: RawRead = {
      queue: this.#typeAhead.splice(0).map((key) => ({ kind: 'key', key })),
      waiting: null,
    };
    this.#raw = raw;
    return {
      next: () => {
        if (this.#raw !== raw) return Promise.resolve(null);
        const input = raw.queue.shift();
        if (input !== undefined) return Promise.resolve(input);
        return new Promise((resolve) => {
          raw.waiting = resolve;
        });
      },
      close: () => {
        if (this.#raw === raw) this.#leaveRaw();
      },
    };
  }

  #feedRaw(input: RawInput): void {
    const raw = this.#raw;
    if (raw === null) return;
    const waiting = raw.waiting;
    raw.waiting = null;
    if (waiting === null) raw.queue.push(input);
    else waiting(input);
  }

  #leaveRaw(): void {
    const raw = this.#raw;
    this.#raw = null;
    raw?.waiting?.(null);
  }

  /** Ctrl+C while a command runs: the terminal driver drops type-ahead and signals the job. */
  #interruptCommand(): void {
    const canceller = this.#canceller;
    if (canceller === null || canceller.cancelled) return;
    this.#typeAhead.length = 0;
    this.#leaveRaw();
    this.#write('^C');
    const secret = this.#secret;
    this.#secret = null;
    secret?.resolve(null);
    canceller.cancel();
  }
}

function keyResult(secret: SecretRead, key: string): SecretKeyResult & { readonly echo?: string } {
  switch (secret.mode) {
    case 'secret':
      return pressSecretKey(secret.text, key);
    case 'echo':
      return pressEchoedKey(secret.text, key);
    case 'stream':
      return pressStreamKey(secret.text, key);
  }
}

/** How bash files a command typed over several lines: one entry, joined as it was read. */
function joinForHistory(previous: Continuation, line: string): string {
  switch (previous.reason) {
    case 'backslash':
      return previous.historyText.slice(0, -1) + line;
    case 'quote':
    case 'heredoc':
      return `${previous.historyText}\n${line}`;
    case 'operator':
      return `${previous.historyText} ${line}`;
  }
}

function defaultEnvironment(hostname: string): [string, string][] {
  return [
    ['HOME', '/root'],
    ['HOSTNAME', hostname],
    ['LANG', 'C.UTF-8'],
    ['LOGNAME', 'root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['PWD', '/root'],
    ['SHELL', '/bin/bash'],
    ['TERM', 'xterm-256color'],
    ['USER', 'root'],
  ];
}

/** A plausible, stable `$$` per machine, so transcripts do not change between runs. */
function processIdFor(hostname: string): number {
  let hash = 0;
  for (const character of hostname) hash = (hash * 31 + character.charCodeAt(0)) % 9000;
  return 1000 + hash;
}
