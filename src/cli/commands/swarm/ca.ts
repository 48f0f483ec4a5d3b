import { TextValue, parseGoDuration } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import type { Swarm } from '../../../api/swarm';
import { CliError } from '../../command/errors';
import { notSimulated } from '../../command/not-simulated';
import { validateExternalCA, validatePemFile } from './external-ca';
import { mergeSwarmSpec } from './swarm-spec';

export interface CaOptions {
  caCert: TextValue;
  caKey: TextValue;
  certExpiry: bigint;
  detach: boolean;
  externalCa: TextValue;
  quiet: boolean;
  rotate: boolean;
}

/** `docker swarm ca`: display and rotate the root CA. */
export function newCaCommand(cli: DockerCli, variant: CommandVariant = {}): Command {
  const options: CaOptions = {
    caCert: new TextValue('pem-file', '', validatePemFile),
    caKey: new TextValue('pem-file', '', validatePemFile),
    certExpiry: parseGoDuration('2160h0m0s'),
    detach: false,
    externalCa: new TextValue('external-ca', '', validateExternalCA),
    quiet: false,
    rotate: false,
  };
  const command = new Command({
    use: 'ca [OPTIONS]',
    short: 'Display and rotate the root CA',
    args: noArgs,
    annotations: {
      version: '1.30',
      swarm: 'manager',
    },
    run: (invocation) => runCa(cli, options, invocation),
    ...variant,
  });
  const flags = command.flags;
  flags.add(
    options.caCert,
    'ca-cert',
    '',
    'Path to the PEM-formatted root CA certificate to use for the new cluster',
  );
  flags.add(
    options.caKey,
    'ca-key',
    '',
    'Path to the PEM-formatted root CA key to use for the new cluster',
  );
  flags.durationVar(
    options,
    'certExpiry',
    'cert-expiry',
    '',
    'Validity period for node certificates (ns|us|ms|s|m|h)',
  );
  flags.boolVar(
    options,
    'detach',
    'detach',
    'd',
    'Exit immediately instead of waiting for the root rotation to converge',
  );
  flags.add(
    options.externalCa,
    'external-ca',
    '',
    'Specifications of one or more certificate signing endpoints',
  );
  flags.boolVar(options, 'quiet', 'quiet', 'q', 'Suppress progress output');
  flags.boolVar(
    options,
    'rotate',
    'rotate',
    '',
    'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated',
  );
  return command;
}

/** The flags that change the CA and so need --rotate, in docker's order. */
const ROTATE_ONLY_FLAGS = ['ca-cert', 'ca-key', 'cert-expiry', 'external-ca'];

function displayTrustRoot(cli: DockerCli, swarm: Swarm): void {
  const trustRoot = swarm.TLSInfo.TrustRoot ?? '';
  if (trustRoot === '') throw new CliError('No CA information available');
  cli.out.write(`${trustRoot.trim()}\n`);
}

/**
 * docker swarm ca: prints the root CA certificate. `--rotate -d` asks for a new root CA (the
 * playground has no PEM files, so --ca-cert and --ca-key never get this far). Waiting for the
 * rotation to converge needs docker's progress display, which is not simulated yet.
 */
export async function runCa(
  cli: DockerCli,
  options: CaOptions,
  invocation: Invocation,
): Promise<void> {
  const flags = invocation.command.flags;
  if (options.rotate && !options.detach) return notSimulated(invocation);
  const swarm = await cli.engine.swarmInspect(cli.cancel);
  if (!options.rotate) {
    const given = ROTATE_ONLY_FLAGS.find((name) => flags.changed(name));
    if (given !== undefined) {
      throw new CliError(`\`--${given}\` flag requires the \`--rotate\` flag to update the CA`);
    }
    displayTrustRoot(cli, swarm);
    return;
  }
  if (flags.changed('external-ca') && options.externalCa.values.length > 0) {
    throw new CliError(
      "rotating to an external CA requires the `--ca-cert` flag to specify the external CA's cert - " +
        'to add an external CA with the current root CA certificate, use the `update` command instead',
    );
  }
  const merged = mergeSwarmSpec(swarm.Spec, flags, { ...options, ...SPEC_FLAGS_UNUSED }, '');
  const spec = {
    ...merged,
    CAConfig: { ...merged.CAConfig, ForceRotate: (merged.CAConfig.ForceRotate ?? 0) + 1 },
  };
  await cli.engine.swarmUpdate(
    {
      version: swarm.Version.Index,
      spec,
      flags: { RotateWorkerToken: false, RotateManagerToken: false, RotateManagerUnlockKey: false },
    },
    cli.cancel,
  );
}

/** `swarm ca` has only the CA flags of docker's swarmOptions; the others are never changed. */
const SPEC_FLAGS_UNUSED = {
  autolock: false,
  dispatcherHeartbeat: 0n,
  maxSnapshots: 0,
  snapshotInterval: 0,
  taskHistoryLimit: 0,
};
