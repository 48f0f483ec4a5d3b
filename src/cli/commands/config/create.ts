import { ListValue } from '../../flags';
import { exactArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { validateLabel } from '../service/opts/validators';
import { kvMap } from '../service/spec/parts';
import { ReadError, readContent } from '../read-content';
import { CliError } from '../../command/errors';
import { goQuote } from '../../flags/go-strconv';

export interface CreateOptions {
  label: ListValue;
  templateDriver: string;
}

/** `docker config create`: create a config from a file or STDIN. */
export function newCreateCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CreateOptions = {
    label: new ListValue(validateLabel),
    templateDriver: '',
  };
  const command = new Command({
    use: 'create [OPTIONS] CONFIG file|-',
    short: 'Create a config from a file or STDIN',
    args: exactArgs(2),
    run: (invocation) => runCreate(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.label, 'label', 'l', 'Config labels');
  flags.stringVar(options, 'templateDriver', 'template-driver', '', 'Template driver');
  return command;
}

/**
 * docker config create (27.5.1): the content of the file, or of stdin for `-`; prints the new
 * ID.
 */
export async function runCreate(
  cli: DockerCli,
  options: CreateOptions,
  invocation: Invocation,
): Promise<void> {
  const [name = '', file = ''] = invocation.args;
  let data: string;
  try {
    data = await readContent(cli, file);
  } catch (error) {
    // docker/cli returns os.Open's error bare, and wraps only the read's.
    if (!(error instanceof ReadError)) throw error;
    throw new CliError(`Error reading content from ${goQuote(file)}: ${error.message}`);
  }
  const response = await cli.engine.configCreate(
    {
      spec: {
        Name: name,
        Labels: kvMap(options.label.values),
        Data: data,
        ...(options.templateDriver === '' ? {} : { Templating: { Name: options.templateDriver } }),
      },
    },
    cli.cancel,
  );
  cli.out.write(`${response.ID}\n`);
}
