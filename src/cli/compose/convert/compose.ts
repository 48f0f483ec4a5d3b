/**
 * docker/cli's cli/compose/convert/compose.go (27.5.1): the stack's namespace (every object it
 * creates is named `<stack>_<name>` and labelled `com.docker.stack.namespace=<stack>`), and the
 * top-level networks, secrets and configs as the Engine API's create requests.
 */
import type { ConfigSpec, SecretSpec } from '../../../api/secret';
import { encodeBase64 } from '../../../lib/base64';
import type { FileObjectConfig, NetworkConfig } from '../types/types';

export const LABEL_NAMESPACE = 'com.docker.stack.namespace';

/** convert.Namespace: scopes names with the stack's name. */
export class Namespace {
  constructor(readonly name: string) {}
  scope(name: string): string {
    return `${this.name}_${name}`;
  }
  descope(name: string): string {
    const prefix = `${this.name}_`;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }
}

/** AddStackLabel: the labels given, with the namespace label added. */
export function addStackLabel(
  namespace: Namespace,
  labels: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  return { ...labels, [LABEL_NAMESPACE]: namespace.name };
}

/**
 * moby network.CreateOptions, as `docker stack deploy` fills it for a network it creates. The
 * deploy step adds the swarm scope and the overlay default where `driver` is empty, as
 * createNetworks does.
 */
export interface NetworkCreateOptions {
  readonly Driver?: string;
  readonly Internal?: boolean;
  readonly Attachable?: boolean;
  readonly Options?: Readonly<Record<string, string>>;
  readonly Labels: Readonly<Record<string, string>>;
  readonly IPAM?: {
    readonly Driver?: string;
    readonly Config?: readonly { readonly Subnet?: string }[];
  };
}

export interface ConvertedNetworks {
  /** Networks to create, by their full name (`<stack>_<name>`, or the `name:` given). */
  readonly networks: ReadonlyMap<string, NetworkCreateOptions>;
  /** The names of the external networks the services use, which must exist. */
  readonly externals: readonly string[];
}

function createOptions(namespace: Namespace, network: NetworkConfig): NetworkCreateOptions {
  const ipamConfig = network.ipam?.config ?? [];
  const ipamDriver = network.ipam?.driver ?? '';
  const ipam =
    ipamDriver === '' && ipamConfig.length === 0
      ? undefined
      : {
          ...(ipamDriver === '' ? {} : { Driver: ipamDriver }),
          ...(ipamConfig.length === 0
            ? {}
            : { Config: ipamConfig.map((pool) => ({ Subnet: pool.subnet ?? '' })) }),
        };
  return {
    Labels: addStackLabel(namespace, network.labels),
    ...(network.driver === undefined || network.driver === '' ? {} : { Driver: network.driver }),
    ...(network.driverOpts === undefined ? {} : { Options: network.driverOpts }),
    ...(network.internal === true ? { Internal: true } : {}),
    ...(network.attachable === true ? { Attachable: true } : {}),
    ...(ipam === undefined ? {} : { IPAM: ipam }),
  };
}

/**
 * convert.Networks: each network a service uses (`default` for a service that names none),
 * either external (to check) or to create.
 */
export function convertNetworks(
  namespace: Namespace,
  networks: Readonly<Record<string, NetworkConfig>>,
  serviceNetworks: ReadonlySet<string>,
): ConvertedNetworks {
  const result = new Map<string, NetworkCreateOptions>();
  const externals: string[] = [];
  for (const internalName of serviceNetworks) {
    const network = networks[internalName] ?? {};
    if (network.external?.external === true) {
      externals.push(network.name ?? '');
      continue;
    }
    const name = (network.name ?? '') === '' ? namespace.scope(internalName) : (network.name ?? '');
    result.set(name, createOptions(namespace, network));
  }
  return { networks: result, externals };
}

/** Reads a secret's or config's `file:` on the machine that runs the CLI; throws Go's error. */
export type ReadObjectFile = (path: string) => Uint8Array;

function objectName(namespace: Namespace, name: string, object: FileObjectConfig): string {
  return (object.name ?? '') === '' ? namespace.scope(name) : (object.name ?? '');
}

/** convert.Secrets: the stack's own secrets (not the external ones), with their files' data. */
export function convertSecrets(
  namespace: Namespace,
  secrets: Readonly<Record<string, FileObjectConfig>>,
  readFile: ReadObjectFile,
): SecretSpec[] {
  const result: SecretSpec[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    if (secret.external?.external === true) continue;
    const driver = secret.driver ?? '';
    result.push({
      Name: objectName(namespace, name, secret),
      Labels: addStackLabel(namespace, secret.labels),
      ...(driver === '' ? { Data: encodeBase64(readFile(secret.file ?? '')) } : {}),
      ...(driver === ''
        ? {}
        : {
            Driver: {
              Name: driver,
              ...(secret.driverOpts === undefined ? {} : { Options: secret.driverOpts }),
            },
          }),
      ...((secret.templateDriver ?? '') === ''
        ? {}
        : { Templating: { Name: secret.templateDriver ?? '' } }),
    });
  }
  return result;
}

/** convert.Configs. */
export function convertConfigs(
  namespace: Namespace,
  configs: Readonly<Record<string, FileObjectConfig>>,
  readFile: ReadObjectFile,
): ConfigSpec[] {
  const result: ConfigSpec[] = [];
  for (const [name, config] of Object.entries(configs)) {
    if (config.external?.external === true) continue;
    result.push({
      Name: objectName(namespace, name, config),
      Labels: addStackLabel(namespace, config.labels),
      Data: encodeBase64(readFile(config.file ?? '')),
      ...((config.templateDriver ?? '') === ''
        ? {}
        : { Templating: { Name: config.templateDriver ?? '' } }),
    });
  }
  return result;
}
