import type { ContainerRecord } from '../../src/swarm/agent/worker';

export const RECORD_ID = `${'5dfb55831da5'.repeat(5)}abcd`;
export const RECORD_NAME = 'web.1.vmkps6kd5r2r7l7mh7mh5ymmi';

/** A running nginx task container as a worker keeps it: started a second after its creation. */
export function containerRecord(parts: Partial<ContainerRecord> = {}): ContainerRecord {
  return {
    id: RECORD_ID,
    name: RECORD_NAME,
    taskId: 'vmkps6kd5r2r7l7mh7mh5ymmi',
    serviceId: '5bvenk2enjp4mv8abp5k9yudi',
    serviceName: 'web',
    image: `nginx:latest@sha256:${'af76'.repeat(16)}`,
    imageId: `sha256:${'af76'.repeat(16)}`,
    command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
    labels: {
      'com.docker.swarm.task.name': RECORD_NAME,
      maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>',
      'com.docker.swarm.node.id': 'vuifp802d56htjdczl6xh3y45',
    },
    exposedPorts: ['80/tcp'],
    createdAtMs: 60_000,
    startedAtMs: 61_000,
    finishedAtMs: null,
    exitCode: null,
    running: true,
    pid: 10283,
    hostname: RECORD_ID.slice(0, 12),
    env: ['GREETING=hello', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    workingDir: '',
    user: '',
    stopSignal: 'SIGQUIT',
    userland: 'gnu',
    ipAddress: '172.17.0.2',
    ...parts,
  };
}
