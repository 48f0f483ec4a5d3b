import type { EngineApi } from '../../../../src/api/engine';
import { DaemonError } from '../../../../src/api/errors';
import type { DistributionInspect } from '../../../../src/api/distribution';
import type { Service, ServiceSpec } from '../../../../src/api/service';
import type { Task, TaskState } from '../../../../src/api/task';
import { FakeClock } from '../../../support/fake-clock';
import { fakeManagerEngine, IDS, type FakeEngineFunctions } from '../../../support/fake-engine';
import { serviceSpec } from '../../../support/service-specs';

/** Fixtures for the service commands: services, tasks and a registry, as the daemon answers. */

export const NGINX_DIGEST =
  'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';

export const SERVICE_IDS = {
  web: 'kx8f4szm6gyl8ljm6cm1ek4xk',
  agent: 'p0a3ehrd9yrg4n7w2c5v8b1xz',
  api: 'kx8q2w3e4r5t6y7u8i9o0pzzz',
} as const;

/** An RFC 3339 instant `seconds` after the fake clock's epoch (2026-11-25T08:11:31Z). */
export function at(seconds: number): string {
  return new Date(FakeClock.EPOCH_MS + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function service(id: string, spec: ServiceSpec, parts: Partial<Service> = {}): Service {
  return {
    ID: id,
    Version: { Index: 40 },
    CreatedAt: at(-600),
    UpdatedAt: at(-300),
    Spec: spec,
    Endpoint: { Spec: spec.EndpointSpec ?? {} },
    ...parts,
  };
}

const WEB_SPEC = serviceSpec('web', {
  Mode: { Replicated: { Replicas: 3 } },
  EndpointSpec: {
    Mode: 'vip',
    Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
  },
});

export const WEB = service(SERVICE_IDS.web, WEB_SPEC, {
  Endpoint: {
    Spec: WEB_SPEC.EndpointSpec ?? {},
    Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
  },
});

export const AGENT = service(SERVICE_IDS.agent, serviceSpec('agent', { Mode: { Global: {} } }));

export interface TaskFixture {
  readonly id: string;
  readonly service?: string;
  readonly slot?: number;
  readonly node?: string;
  readonly state: TaskState;
  readonly desired?: TaskState;
  /** Seconds after the epoch of the last state change. */
  readonly since?: number;
  readonly created?: number;
  readonly error?: string;
  readonly image?: string;
  readonly ports?: Task['Status']['PortStatus']['Ports'];
}

export function task(fixture: TaskFixture): Task {
  return {
    ID: fixture.id,
    Version: { Index: 50 },
    CreatedAt: at(fixture.created ?? -120),
    UpdatedAt: at(fixture.since ?? -60),
    Labels: {},
    Spec: {
      ContainerSpec: { Image: fixture.image ?? `nginx:latest@${NGINX_DIGEST}` },
      ForceUpdate: 0,
    },
    ServiceID: fixture.service ?? SERVICE_IDS.web,
    ...(fixture.slot === undefined ? {} : { Slot: fixture.slot }),
    ...(fixture.node === undefined ? {} : { NodeID: fixture.node }),
    Status: {
      Timestamp: at(fixture.since ?? -60),
      State: fixture.state,
      ...(fixture.error === undefined ? {} : { Err: fixture.error }),
      PortStatus: fixture.ports === undefined ? {} : { Ports: fixture.ports },
    },
    DesiredState: fixture.desired ?? 'running',
    Volumes: null,
  };
}

/** The registry's answer for nginx:latest: a two-platform index. */
export const NGINX_DISTRIBUTION: DistributionInspect = {
  Descriptor: {
    mediaType: 'application/vnd.oci.image.index.v1+json',
    digest: NGINX_DIGEST,
    size: 10229,
  },
  Platforms: [
    { architecture: 'amd64', os: 'linux' },
    { architecture: 'arm64', os: 'linux' },
  ],
};

export function notFound(kind: string, ref: string): Promise<never> {
  return Promise.reject(new DaemonError('not-found', `${kind} ${ref} not found`));
}

/** The daemon's service lookup: full ID, exact name, then a unique ID prefix. */
export function findService(services: readonly Service[], ref: string): Promise<Service> {
  const byId = services.find((candidate) => candidate.ID === ref);
  if (byId !== undefined) return Promise.resolve(byId);
  const byName = services.find((candidate) => candidate.Spec.Name === ref);
  if (byName !== undefined) return Promise.resolve(byName);
  const byPrefix = services.filter((candidate) => candidate.ID.startsWith(ref));
  if (byPrefix.length === 1 && byPrefix[0] !== undefined) return Promise.resolve(byPrefix[0]);
  if (byPrefix.length > 1) {
    return Promise.reject(
      new DaemonError(
        'invalid-argument',
        `service ${ref} is ambiguous (${byPrefix.length} matches found)`,
      ),
    );
  }
  return notFound('service', ref);
}

/** A manager that knows `services` and `tasks`, and a registry that has nginx. */
export function serviceEngine(
  services: readonly Service[],
  tasks: readonly Task[] = [],
  functions: FakeEngineFunctions = {},
): EngineApi {
  return fakeManagerEngine({
    serviceInspect: ({ id }) => findService(services, id),
    serviceList: () => Promise.resolve(services),
    taskList: () => Promise.resolve(tasks),
    distributionInspect: () => Promise.resolve(NGINX_DISTRIBUTION),
    ...functions,
  });
}

export { IDS };

/**
 * A manager on which a service converges as virtual time passes: `tasksAt(ms)` gives the
 * up-to-date tasks the daemon lists `ms` after the command started (the fake clock's time).
 */
export function convergingEngine(
  clock: FakeClock,
  converging: Service,
  tasksAt: (ms: number) => readonly Task[],
  functions: FakeEngineFunctions = {},
): EngineApi {
  return serviceEngine([converging], [], {
    serviceCreate: () => Promise.resolve({ ID: converging.ID }),
    serviceUpdate: () => Promise.resolve({}),
    taskList: () => Promise.resolve(tasksAt(clock.nowMs)),
    ...functions,
  });
}

/** Tasks of `web` in slots 1..n, all in `state`, on manager1. */
export function slotTasks(
  n: number,
  state: TaskState,
  serviceId: string = SERVICE_IDS.web,
): Task[] {
  return Array.from({ length: n }, (_, index) =>
    task({
      id: `t${index + 1}${'x'.repeat(23)}`,
      service: serviceId,
      slot: index + 1,
      node: IDS.manager1,
      state,
    }),
  );
}
