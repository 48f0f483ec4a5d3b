import { ListValue } from '../../flags';
import { goQuote } from '../../flags/go-strconv';
import { requiresRangeArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { validateLabel } from '../service/opts/validators';
import { kvMap } from '../service/spec/parts';
import { OpenError, ReadError, readContent } from '../read-content';

export interface CreateOptions {
  driver: string;
  label: ListValue;
  templateDriver: string;
}

/** `docker secret create`: create a secret from a file or STDIN as content. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    driver: '',
    label: new ListValue(validateLabel),
    templateDriver: '',
  };
  const command = new Command({
    use: 'create [OPTIONS] SECRET [file|-]',
    short: 'Create a secret from a file or STDIN as content',
    args: requiresRangeArgs(1, 2),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.stringVar(options, 'driver', 'driver', 'd', 'Secret driver');
  flags.add(options.label, 'label', 'l', 'Secret labels');
  flags.stringVar(options, 'templateDriver', 'template-driver', '', 'Template driver');
  return command;
}

/**
 * docker secret create (27.5.1): the content comes from the file, or stdin for `-`; without a
 * file argument none is sent, and the daemon refuses the empty secret (28.0.2 added the CLI's
 * own "secret file is required"). Prints the new secret's ID.
 */
export async function runCreate(
  cli: DockerCli,
  options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  const [name = '', file = ''] = invocation.args;
  if (options.driver !== '' && file !== '') {
    throw new CliError('When using secret driver secret data must be empty');
  }
  let data: string | null = null;
  try {
    if (file !== '') data = await readContent(cli, file);
  } catch (error) {
    if (!(error instanceof OpenError || error instanceof ReadError)) throw error;
    throw new CliError(`Error reading content from ${goQuote(file)}: ${error.message}`);
  }
  const response = await cli.engine.secretCreate(
    {
      spec: {
        Name: name,
        Labels: kvMap(options.label.values),
        ...(data === null ? {} : { Data: data }),
        ...(options.driver === '' ? {} : { Driver: { Name: options.driver } }),
        ...(options.templateDriver === '' ? {} : { Templating: { Name: options.templateDriver } }),
      },
    },
    cli.cancel,
  );
  cli.out.write(`${response.ID}\n`);
}
