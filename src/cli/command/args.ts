import { ArgsError } from './errors';
import type { Command } from './command';

/**
 * docker/cli's positional-argument validators (cli/required.go), with the pre-v28 messages that
 * Docker 27.5.1 prints (reference docker-cli.md §1.2).
 */
export type ArgsValidator = (command: Command, args: readonly string[]) => void;

function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/**
 * The lines every argument message ends with: help pointer, usage line, short text. Exported
 * for commands with their own argument checks (docker/cli repeats this format in each).
 */
export function argsError(command: Command, firstLine: string): ArgsError {
  const path = command.commandPath();
  return new ArgsError(
    `${firstLine}\nSee '${path} --help'.\n\nUsage:  ${command.useLine()}\n\n${command.short}`,
  );
}

export const noArgs: ArgsValidator = (command, args) => {
  if (args.length === 0) return;
  // A group command given an unknown subcommand prints its own usage after a blank line.
  if (command.hasSubCommands()) throw new ArgsError(`\n${command.usageString().trimEnd()}`);
  throw argsError(command, `"${command.commandPath()}" accepts no arguments.`);
};

export function requiresMinArgs(min: number): ArgsValidator {
  return (command, args) => {
    if (args.length >= min) return;
    const count = `${min} ${pluralize('argument', min)}`;
    throw argsError(command, `"${command.commandPath()}" requires at least ${count}.`);
  };
}

export function requiresMaxArgs(max: number): ArgsValidator {
  return (command, args) => {
    if (args.length <= max) return;
    const count = `${max} ${pluralize('argument', max)}`;
    throw argsError(command, `"${command.commandPath()}" requires at most ${count}.`);
  };
}

export function requiresRangeArgs(min: number, max: number): ArgsValidator {
  return (command, args) => {
    if (args.length >= min && args.length <= max) return;
    const range = `at least ${min} and at most ${max} ${pluralize('argument', max)}`;
    throw argsError(command, `"${command.commandPath()}" requires ${range}.`);
  };
}

export function exactArgs(count: number): ArgsValidator {
  return (command, args) => {
    if (args.length === count) return;
    const text = `${count} ${pluralize('argument', count)}`;
    throw argsError(command, `"${command.commandPath()}" requires exactly ${text}.`);
  };
}

/** cobra's default for commands without a validator: anything goes. */
export const arbitraryArgs: ArgsValidator = () => undefined;
