import type { Command } from './command';

/**
 * Tab completion from the command tree: subcommand names, and flags when the word starts with
 * `-`. Values (object names, flag values) are not completed yet.
 */
export interface CompletionInput {
  /** The words before the cursor, the program name first. */
  readonly words: readonly string[];
  readonly current: string;
}

function takesValue(command: Command, word: string): boolean {
  if (word.includes('=')) return false;
  const flags = command.mergedFlags();
  const flag = word.startsWith('--')
    ? flags.lookup(word.slice(2))
    : word.length === 2
      ? flags.shorthandLookup(word.slice(1))
      : undefined;
  return flag !== undefined && flag.noOptDefVal === '';
}

interface Position {
  readonly command: Command;
  /** The previous word is a flag waiting for its value. */
  readonly expectingValue: boolean;
}

function locate(root: Command, words: readonly string[]): Position {
  let command = root;
  let expectingValue = false;
  for (const word of words.slice(1)) {
    if (expectingValue) {
      expectingValue = false;
      continue;
    }
    if (word.startsWith('-')) {
      expectingValue = takesValue(command, word);
      continue;
    }
    const child = command.findChild(word);
    if (child === undefined) break;
    command = child;
  }
  return { command, expectingValue };
}

function flagCandidates(command: Command, current: string): string[] {
  const names = command
    .mergedFlags()
    .all()
    .filter((flag) => !flag.hidden)
    .map((flag) => `--${flag.name}`);
  return names.filter((name) => name.startsWith(current));
}

export function completeCommandLine(root: Command, input: CompletionInput): string[] {
  const { command, expectingValue } = locate(root, input.words);
  if (expectingValue) return [];
  if (input.current.startsWith('-')) return flagCandidates(command, input.current);
  return command
    .commands()
    .filter((sub) => sub.isAvailableCommand() && sub.name().startsWith(input.current))
    .map((sub) => sub.name());
}
