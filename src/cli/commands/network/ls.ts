import { FilterValue } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { CliError } from '../../command/errors';
import { chooseListFormat, renderList } from '../../format/formatter';
import { naturalCompare } from '../../format/natural-order';
import { FORMAT_HELP } from '../format-help';
import type { NetworkInspect } from '../../../api/network';
import { formatGoTime, parseGoTime } from '../../../lib/template/go-time';

export interface LsOptions {
  filter: FilterValue;
  format: string;
  noTrunc: boolean;
  quiet: boolean;
}

/** `docker network ls`: list networks. */
export function newLsCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: LsOptions = {
    filter: new FilterValue(),
    format: '',
    noTrunc: false,
    quiet: false,
  };
  const command = new Command({
    use: 'ls [OPTIONS]',
    aliases: ['list'],
    short: 'List networks',
    args: noArgs,
    run: (invocation) => runLs(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(options.filter, 'filter', 'f', 'Provide filter values (e.g. "driver=bridge")');
  flags.stringVar(options, 'format', 'format', '', FORMAT_HELP);
  flags.boolVar(options, 'noTrunc', 'no-trunc', '', 'Do not truncate the output');
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Only display network IDs');
  return command;
}

/** docker's network formats (cli/command/network/formatter.go). */
const DEFAULT_NETWORK_TABLE_FORMAT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const NETWORK_RAW_FORMAT =
  'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
const NETWORK_RAW_QUIET_FORMAT = 'network_id: {{.ID}}';

const NETWORK_HEADER: Readonly<Record<string, string>> = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
};

/** docker's networkContext: one row of `docker network ls`; each method is a placeholder. */
export class NetworkRow {
  readonly #network: NetworkInspect;
  readonly #trunc: boolean;

  constructor(network: NetworkInspect, trunc: boolean) {
    this.#network = network;
    this.#trunc = trunc;
  }

  /** stringid.TruncateID: the first 12 characters. */
  ID(): string {
    return this.#trunc ? this.#network.Id.slice(0, 12) : this.#network.Id;
  }

  Name(): string {
    return this.#network.Name;
  }

  Driver(): string {
    return this.#network.Driver;
  }

  Scope(): string {
    return this.#network.Scope;
  }

  IPv6(): string {
    return String(this.#network.EnableIPv6);
  }

  Internal(): string {
    return String(this.#network.Internal);
  }

  /** Go ranges over the map in a random order; sorted here, so a run replays. */
  Labels(): string {
    return Object.entries(this.#network.Labels ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  }

  Label(name: string): string {
    return this.#network.Labels?.[name] ?? '';
  }

  /** Go's time.Time.String(). */
  CreatedAt(): string {
    const time = parseGoTime(this.#network.Created);
    return time === undefined ? this.#network.Created : formatGoTime(time);
  }
}

/** docker network ls: the daemon filters; the CLI sorts by name (natural order) and formats. */
export async function runLs(
  cli: DockerCli,
  options: LsOptions,
  _invocation: Invocation,
): Promise<void> {
  const filters = Object.fromEntries(options.filter.filters);
  const networks = await cli.engine.networkList({ filters }, cli.cancel);
  const format = chooseListFormat({
    format: options.format,
    quiet: options.quiet,
    defaultTableFormat: DEFAULT_NETWORK_TABLE_FORMAT,
    raw: { format: NETWORK_RAW_FORMAT, quietFormat: NETWORK_RAW_QUIET_FORMAT },
  });
  const sorted = [...networks].sort((a, b) => naturalCompare(a.Name, b.Name));
  const result = renderList({
    format,
    rows: sorted.map((network) => new NetworkRow(network, !options.noTrunc)),
    header: NETWORK_HEADER,
    rowTypeName: '*network.networkContext',
  });
  if (!result.ok) throw new CliError(result.error);
  cli.out.write(result.stdout);
}
