import type { Driver, ObjectVersion } from './swarm';

/**
 * Secrets and configs of the Engine API 1.47, as moby's `api/types/swarm/secret.go` and
 * `config.go` declare them, keys in struct order. `Data` is the content as base64, the way Go's
 * `[]byte` travels in JSON. A secret's `Data` goes to the daemon on create and never comes back:
 * the daemon strips it from every answer (swarmkit controlapi/secret.go). A config's does.
 */

export interface SecretSpec {
  readonly Name: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Data?: string;
  readonly Driver?: Driver;
  readonly Templating?: Driver;
}

export interface Secret {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: SecretSpec;
}

export interface ConfigSpec {
  readonly Name: string;
  readonly Labels: Readonly<Record<string, string>>;
  readonly Data?: string;
  readonly Templating?: Driver;
}

export interface Config {
  readonly ID: string;
  readonly Version: ObjectVersion;
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Spec: ConfigSpec;
}

/** What `POST /secrets/create` and `POST /configs/create` answer (moby `types.SecretCreateResponse`). */
export interface DataObjectCreateResponse {
  readonly ID: string;
}
