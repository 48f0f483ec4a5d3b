import type { Config, Secret, SecretSpec } from '../../api/secret';
import type { ServiceSpec } from '../../api/service';
import type { Driver, Filters } from '../../api/swarm';
import { decodeBase64 } from '../../lib/base64';
import { daemonError, rpcError } from '../errors';
import { newObjectId } from '../identity';
import { fail, ok, type Outcome } from '../result';
import {
  allConfigs,
  allSecrets,
  allServices,
  configObject,
  createAction,
  getConfig,
  getSecret,
  removeAction,
  secretObject,
  updateAction,
  type StoredObject,
  type StoreProposal,
  type StoreState,
  type TableName,
} from '../store';
import { proposal, timestamp, type ControlContext } from './context';
import { labelsMatch, refusedFilter, type FilterRules } from './list-filters';

/**
 * The control API of secrets and configs (swarmkit controlapi/secret.go and config.go, with
 * moby daemon/cluster/secrets.go, configs.go and helpers.go around them). The two are the same
 * object with a few facts apart, so one set of operations serves both, each kind described once
 * below. A secret's `Data` stays in the store: every answer strips it. A config's does not.
 */
export interface DataObjectKind<O extends Secret | Config> {
  readonly noun: 'secret' | 'config';
  readonly table: TableName & ('secret' | 'config');
  /** The content must be at least 1 byte and under this many (`MaxSecretSize`, `MaxConfigSize`). */
  readonly maxBytes: number;
  /** Which list filters moby accepts (`newListSecretsFilters`, `newListConfigsFilters`). */
  readonly filterRules: FilterRules;
  all(store: StoreState): readonly O[];
  get(store: StoreState, id: string): O | undefined;
  /** A new object of this kind. */
  make(meta: DataObjectMeta, spec: O['Spec']): O;
  stored(object: O): StoredObject;
  /** The object as the daemon answers it. */
  shown(object: O): O;
  /** The external driver the spec names (secrets only). */
  driver(spec: O['Spec']): Driver | undefined;
  /** The IDs a service's spec references (swarmkit `ByReferencedSecretID`/`ConfigID`). */
  referencedBy(spec: ServiceSpec): readonly string[];
}

/** moby swarm.Meta with the ID before it, as every object begins. */
export interface DataObjectMeta {
  readonly ID: string;
  readonly Version: { readonly Index: number };
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
}

export const SECRET_KIND: DataObjectKind<Secret> = {
  noun: 'secret',
  table: 'secret',
  maxBytes: 500 * 1024,
  filterRules: { keys: new Set(['names', 'name', 'id', 'label']), enums: [] },
  all: (store) => allSecrets(store).map((record) => record.secret),
  get: (store, id) => getSecret(store, id)?.secret,
  make: (meta, spec) => ({ ...meta, Spec: spec }),
  stored: (secret) => secretObject({ secret }),
  shown: (secret) => ({ ...secret, Spec: withoutData(secret.Spec) }),
  driver: (spec) => spec.Driver,
  referencedBy: (spec) =>
    (spec.TaskTemplate.ContainerSpec?.Secrets ?? []).map((reference) => reference.SecretID),
};

export const CONFIG_KIND: DataObjectKind<Config> = {
  noun: 'config',
  table: 'config',
  maxBytes: 1000 * 1024,
  filterRules: { keys: new Set(['name', 'id', 'label']), enums: [] },
  all: (store) => allConfigs(store).map((record) => record.config),
  get: (store, id) => getConfig(store, id)?.config,
  make: (meta, spec) => ({ ...meta, Spec: spec }),
  stored: (config) => configObject({ config }),
  shown: (config) => config,
  driver: () => undefined,
  referencedBy: (spec) =>
    (spec.TaskTemplate.ContainerSpec?.Configs ?? []).map((reference) => reference.ConfigID),
};

function withoutData(spec: SecretSpec): SecretSpec {
  return {
    Name: spec.Name,
    Labels: spec.Labels,
    ...(spec.Driver === undefined ? {} : { Driver: spec.Driver }),
    ...(spec.Templating === undefined ? {} : { Templating: spec.Templating }),
  };
}

/** swarmkit controlapi/common.go `isValidConfigOrSecretName`: dots allowed, unlike services. */
const VALID_NAME = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$/;

/** `validateConfigOrSecretAnnotations` and the payload size check, in swarmkit's order. */
function refusedSpec<O extends Secret | Config>(
  kind: DataObjectKind<O>,
  spec: O['Spec'],
): Outcome<null> {
  if (spec.Name === '') return fail(rpcError('InvalidArgument', 'name must be provided'));
  if (spec.Name.length > 64 || !VALID_NAME.test(spec.Name)) {
    return fail(
      rpcError(
        'InvalidArgument',
        'invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]',
      ),
    );
  }
  const driver = kind.driver(spec);
  if (driver !== undefined) {
    if (driver.Name === '') {
      return fail(rpcError('InvalidArgument', 'secret driver must have a name'));
    }
    // No plugin is installed on a playground node, so the driver provider finds none.
    return fail(rpcError('Unknown', `plugin "${driver.Name}" not found`));
  }
  const bytes = decodeBase64(spec.Data ?? '')?.length ?? 0;
  if (bytes < 1 || bytes >= kind.maxBytes) {
    return fail(
      rpcError(
        'InvalidArgument',
        `${kind.noun} data must be larger than 0 and less than ${kind.maxBytes} bytes`,
      ),
    );
  }
  return ok(null);
}

/**
 * `POST /secrets/create` / `POST /configs/create`: checked, then one proposal. A name in use is
 * refused here against the leader's store, as swarmkit's store refuses it inside the
 * transaction (`ErrNameConflict`).
 */
export function createDataObject<O extends Secret | Config>(
  context: ControlContext,
  kind: DataObjectKind<O>,
  spec: O['Spec'],
): Outcome<{ readonly proposal: StoreProposal; readonly id: string }> {
  const refused = refusedSpec(kind, spec);
  if (!refused.ok) return refused;
  if (kind.all(context.store).some((object) => object.Spec.Name === spec.Name)) {
    return fail(rpcError('AlreadyExists', `${kind.noun} ${spec.Name} already exists`));
  }
  const id = newObjectId(context.prng);
  const now = timestamp(context);
  const object = kind.make({ ID: id, Version: { Index: 0 }, CreatedAt: now, UpdatedAt: now }, spec);
  return ok({ proposal: proposal(context, [createAction(kind.stored(object))]), id });
}

/**
 * moby's `getSecret` / `getConfig`: a full ID, else an exact name, else a unique ID prefix.
 * The daemon's own errors, without an `rpc error` prefix.
 */
export function resolveDataObject<O extends Secret | Config>(
  store: StoreState,
  kind: DataObjectKind<O>,
  reference: string,
): Outcome<O> {
  const byId = kind.get(store, reference);
  if (byId !== undefined) return ok(byId);
  const objects = kind.all(store);
  let matches = objects.filter((object) => object.Spec.Name === reference);
  if (matches.length === 0) matches = objects.filter((object) => object.ID.startsWith(reference));
  const [first] = matches;
  if (first === undefined || reference === '') {
    return fail(daemonError('not-found', `${kind.noun} ${reference} not found`));
  }
  if (matches.length > 1) {
    return fail(
      daemonError(
        'invalid-argument',
        `${kind.noun} ${reference} is ambiguous (${matches.length} matches found)`,
      ),
    );
  }
  return ok(first);
}

/**
 * `GET /secrets?filters=…` / `GET /configs`: `names` exact, `name` and `id` by prefix (any of
 * them matching), `label` as `k` or `k=v` (all of them), in the store's ID order.
 */
export function listDataObjects<O extends Secret | Config>(
  store: StoreState,
  kind: DataObjectKind<O>,
  filters: Filters,
): Outcome<readonly O[]> {
  const refused = refusedFilter(filters, kind.filterRules);
  if (refused !== null) return fail(daemonError(refused.kind, refused.message));
  const names = filters.names ?? [];
  const prefixes = filters.name ?? [];
  const ids = filters.id ?? [];
  const anyBy = names.length + prefixes.length + ids.length > 0;
  return ok(
    kind
      .all(store)
      .filter(
        (object) =>
          (!anyBy ||
            names.includes(object.Spec.Name) ||
            prefixes.some((prefix) => object.Spec.Name.startsWith(prefix)) ||
            ids.some((prefix) => object.ID.startsWith(prefix))) &&
          labelsMatch(object.Spec.Labels, filters.label ?? []),
      )
      .map((object) => kind.shown(object)),
  );
}

/**
 * `POST /secrets/{id}/update?version=…`: only the labels may change (`docker stack deploy`
 * updates an existing secret's labels this way): the name must be the same, and the data, when
 * sent, too. The version is checked when the entry applies.
 */
export function updateDataObject<O extends Secret | Config>(
  context: ControlContext,
  kind: DataObjectKind<O>,
  request: { readonly object: O; readonly version: number; readonly spec: O['Spec'] },
): Outcome<StoreProposal> {
  const { object, spec } = request;
  if (
    spec.Name !== object.Spec.Name ||
    (spec.Data !== undefined && spec.Data !== object.Spec.Data)
  ) {
    return fail(rpcError('InvalidArgument', 'only updates to Labels are allowed'));
  }
  const updated: O = {
    ...object,
    Version: { Index: request.version },
    UpdatedAt: timestamp(context),
    Spec: { ...object.Spec, Labels: spec.Labels },
  };
  return ok(proposal(context, [updateAction(kind.stored(updated))]));
}

/**
 * `DELETE /secrets/{id}`: refused while a service's spec references it, naming the services in
 * the store's order.
 */
export function removeDataObject<O extends Secret | Config>(
  context: ControlContext,
  kind: DataObjectKind<O>,
  object: O,
): Outcome<StoreProposal> {
  const users = allServices(context.store)
    .filter((record) => kind.referencedBy(record.service.Spec).includes(object.ID))
    .map((record) => record.service.Spec.Name);
  if (users.length > 0) {
    return fail(
      rpcError(
        'InvalidArgument',
        `${kind.noun} '${object.Spec.Name}' is in use by the following ${
          users.length === 1 ? 'service' : 'services'
        }: ${users.join(', ')}`,
      ),
    );
  }
  return ok(proposal(context, [removeAction(kind.table, object.ID)]));
}
