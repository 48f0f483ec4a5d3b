import type { ConfigReference, SecretReference, ServiceSpec } from '../../../api/service';
import type { DockerCli } from '../../command/cli';
import { CliError } from '../../command/errors';
import { configReference, secretReference, type FileReferenceRequest } from './opts/file-reference';
import { canonicalServiceSpec } from './spec/canonical';

/**
 * docker's ParseSecrets and ParseConfigs (cli/command/service/parse.go): two requests for one
 * target are refused before anything is sent; then one list call with a `name` filter per
 * request finds the IDs, and a name the swarm does not have fails the command
 * (`secret not found: x`). docker/cli ranges over a map here, so its order is random; the
 * playground keeps the order given.
 */
export async function lookUpSecrets(
  cli: DockerCli,
  requests: readonly FileReferenceRequest[],
): Promise<SecretReference[]> {
  if (requests.length === 0) return [];
  const unique = uniqueTargets('secret', requests);
  const found = await cli.engine.secretList(
    { filters: { name: unique.map((request) => request.name) } },
    cli.cancel,
  );
  return unique.map((request) =>
    secretReference(
      request,
      idOf(
        'secret',
        request,
        found.map((s) => [s.Spec.Name, s.ID]),
      ),
    ),
  );
}

export async function lookUpConfigs(
  cli: DockerCli,
  requests: readonly FileReferenceRequest[],
): Promise<ConfigReference[]> {
  if (requests.length === 0) return [];
  const unique = uniqueTargets('config', requests);
  const found = await cli.engine.configList(
    { filters: { name: unique.map((request) => request.name) } },
    cli.cancel,
  );
  return unique.map((request) =>
    configReference(
      request,
      idOf(
        'config',
        request,
        found.map((c) => [c.Spec.Name, c.ID]),
      ),
    ),
  );
}

function uniqueTargets(
  noun: 'secret' | 'config',
  requests: readonly FileReferenceRequest[],
): FileReferenceRequest[] {
  const byTarget = new Map<string, FileReferenceRequest>();
  for (const request of requests) {
    if (byTarget.has(request.file.Name)) {
      throw new CliError(`duplicate ${noun} target for ${request.name} not allowed`);
    }
    byTarget.set(request.file.Name, request);
  }
  return [...byTarget.values()];
}

function idOf(
  noun: 'secret' | 'config',
  request: FileReferenceRequest,
  found: readonly (readonly [string, string])[],
): string {
  const id = new Map(found).get(request.name);
  if (id === undefined) throw new CliError(`${noun} not found: ${request.name}`);
  return id;
}

/**
 * `spec` with the secrets and configs of `requests` looked up and added after those it has, as
 * docker's runCreate and getUpdatedSecrets / getUpdatedConfigs add them.
 */
export async function withFileReferences(
  cli: DockerCli,
  spec: ServiceSpec,
  requests: {
    readonly secrets: readonly FileReferenceRequest[];
    readonly configs: readonly FileReferenceRequest[];
  },
): Promise<ServiceSpec> {
  const secrets = await lookUpSecrets(cli, requests.secrets);
  const configs = await lookUpConfigs(cli, requests.configs);
  if (secrets.length === 0 && configs.length === 0) return spec;
  const container = spec.TaskTemplate.ContainerSpec ?? {};
  return canonicalServiceSpec({
    ...spec,
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: {
        ...container,
        Secrets: [...(container.Secrets ?? []), ...secrets],
        Configs: [...(container.Configs ?? []), ...configs],
      },
    },
  });
}
