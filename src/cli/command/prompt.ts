import type { DockerCli } from './cli';

/**
 * docker's PromptForConfirmation: prints the message and ` [y/N] `, then reads one line; only
 * `y` or `Y` (spaces trimmed) says yes. From a terminal the line is typed (and echoed); from a
 * pipe it is the first line piped in, and an empty stdin says no. Ctrl+C at the prompt ends the
 * command (the shell reports it).
 */
export async function confirm(cli: DockerCli, message: string): Promise<boolean> {
  const prompt = `${message} [y/N] `;
  let line: string | null;
  if (cli.in.isTerminal && cli.terminal !== null) {
    line = await cli.terminal.readLine(prompt);
  } else {
    cli.out.write(prompt);
    const text = await cli.in.readAll();
    const newline = text.indexOf('\n');
    line = newline < 0 ? text : text.slice(0, newline);
  }
  return line !== null && line.trim().toLowerCase() === 'y';
}
