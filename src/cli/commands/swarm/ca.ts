import { TextValue, parseGoDuration } from '../../flags';
import { noArgs } from '../../command/args';
import type { DockerCli } from '../../command/cli';
import { Command, type CommandVariant, type Invocation } from '../../command/command';
import { notSimulated } from '../../command/not-simulated';

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
    caCert: new TextValue('pem-file'),
    caKey: new TextValue('pem-file'),
    certExpiry: parseGoDuration('2160h0m0s'),
    detach: false,
    externalCa: new TextValue('external-ca'),
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

export function runCa(_cli: DockerCli, _options: CaOptions, invocation: Invocation): Promise<void> {
  return notSimulated(invocation);
}
