import { flagUsagesWrapped } from '../flags';
import type { Command } from './command';

/**
 * docker/cli's usage template (cli/cobra.go `usageTemplate`, v27.5.1) as code. Each section
 * starts with a blank line; the text ends with one newline.
 */

const ADDITIONAL_HELP_KEY = 'additionalHelp';

/** Go's `%-*s`. */
function rightPad(text: string, width: number): string {
  return text.padEnd(width, ' ');
}

/** docker's commandAliases: the full paths, or the `aliases` annotation when set. */
function commandAliases(command: Command): string {
  const annotated = command.annotations.get('aliases');
  if (annotated !== undefined && annotated !== '') return annotated;
  const parentPath = command.parent === null ? '' : `${command.parent.commandPath()} `;
  return [command.commandPath(), ...command.aliases.map((alias) => parentPath + alias)].join(', ');
}

function hasAliases(command: Command): boolean {
  return command.aliases.length > 0 || (command.annotations.get('aliases') ?? '') !== '';
}

function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function topCommands(command: Command): Command[] {
  if (command.hasParent()) return [];
  return command
    .commands()
    .filter((sub) => !sub.plugin && sub.isAvailableCommand() && sub.annotations.has('category-top'))
    .sort((a, b) =>
      naturalLess(a.annotations.get('category-top') ?? '', b.annotations.get('category-top') ?? ''),
    );
}

export function operationSubCommands(command: Command): Command[] {
  return command.commands().filter((sub) => {
    if (sub.plugin) return false;
    if (sub.annotations.has('category-top') && !command.hasParent()) return false;
    return sub.isAvailableCommand() && !sub.hasSubCommands();
  });
}

function allManagementSubCommands(command: Command): Command[] {
  return command
    .commands()
    .filter((sub) => sub.plugin || (sub.isAvailableCommand() && sub.hasSubCommands()));
}

export function managementSubCommands(command: Command): Command[] {
  return allManagementSubCommands(command).filter((sub) => !sub.annotations.has('swarm'));
}

export function orchestratorSubCommands(command: Command): Command[] {
  return allManagementSubCommands(command).filter((sub) => sub.annotations.has('swarm'));
}

function decoratedName(command: Command): string {
  return command.name() + (command.plugin ? '*' : ' ');
}

function listing(title: string, commands: readonly Command[], decorated: boolean): string {
  if (commands.length === 0) return '';
  const rows = commands.map((sub) =>
    decorated
      ? `\n  ${rightPad(decoratedName(sub), sub.namePadding() + 1)}${sub.short}`
      : `\n  ${rightPad(sub.name(), sub.namePadding())} ${sub.short}`,
  );
  return `\n\n${title}:${rows.join('')}`;
}

function usageLine(command: Command): string {
  if (!command.hasSubCommands()) return `Usage:  ${command.useLine()}`;
  const options = command.hasAvailableFlags() ? ' [OPTIONS]' : '';
  return `Usage:  ${command.commandPath()}${options} COMMAND`;
}

function experimentalNotice(command: Command): string {
  let experimental = false;
  for (let node: Command | null = command; node !== null; node = node.parent) {
    if (node.annotations.has('experimentalCLI')) experimental = true;
  }
  if (!experimental) return '';
  return [
    '\n\nEXPERIMENTAL:',
    `  ${command.commandPath()} is an experimental feature.`,
    '  Experimental features provide early access to product functionality. These',
    '  features may change between releases without warning, or can be removed from a',
    '  future release. Learn more about experimental features in our documentation:',
    '  https://docs.docker.com/go/experimental/',
  ].join('\n');
}

function optionsSection(command: Command, title: string, columns: number): string {
  if (!command.hasAvailableFlags()) return '';
  const usages = flagUsagesWrapped(command.mergedFlags(), columns - 1).trimEnd();
  return `\n\n${title}:\n${usages}`;
}

export function renderUsage(command: Command, columns: number): string {
  const description = (command.long !== '' ? command.long : command.short).trim();
  let text = `${usageLine(command)}\n\n${description}`;
  text += experimentalNotice(command);
  if (hasAliases(command)) text += `\n\nAliases:\n  ${commandAliases(command)}`;
  if (command.example !== '') text += `\n\nExamples:\n${command.example}`;
  if (command.hasParent()) text += optionsSection(command, 'Options', columns);
  text += listing('Common Commands', topCommands(command), true);
  text += listing('Management Commands', managementSubCommands(command), true);
  text += listing('Swarm Commands', orchestratorSubCommands(command), true);
  text += listing('Commands', operationSubCommands(command), false);
  if (!command.hasParent()) text += optionsSection(command, 'Global Options', columns);
  if (command.hasSubCommands()) {
    text += `\n\nRun '${command.commandPath()} COMMAND --help' for more information on a command.`;
  }
  const additionalHelp = command.annotations.get(ADDITIONAL_HELP_KEY) ?? '';
  if (additionalHelp !== '') {
    const bold = command.root().helpToTerminal;
    text += bold ? `\n\n\u001b[1m${additionalHelp}\u001b[0m` : `\n\n${additionalHelp}`;
  }
  return `${text}\n`;
}
