import { describe, expect, it } from 'vitest';
import type { AnyFileAnswer, FileRequest } from '../../../src/lib/filesystem';
import type { MachineView } from '../../../src/sim/read-model';
import {
  deployLinkedStack,
  fetchComposeFile,
  readStackLink,
  swarmReady,
  type StackLinkPage,
} from '../../../src/ui/state/stack-link';

const PAGE = 'https://playground.example/';

describe('a stack link', () => {
  it('reads the address and names the stack after its folder, as compose names a project', () => {
    expect(
      readStackLink(
        '?stack=https://raw.githubusercontent.com/docker/awesome-compose/master/nginx-golang/compose.yaml',
        PAGE,
      ),
    ).toEqual({
      link: {
        url: 'https://raw.githubusercontent.com/docker/awesome-compose/master/nginx-golang/compose.yaml',
        name: 'nginx-golang',
      },
      warning: null,
    });
    expect(readStackLink('?stack=/files/My%20App/stack.yml&name=demo', PAGE).link).toEqual({
      url: 'https://playground.example/files/My%20App/stack.yml',
      name: 'demo',
    });
    // A name docker would refuse is not used; the folder's name, cleaned, is.
    expect(readStackLink('?stack=/x/My.App/s.yml&name=-bad', PAGE).link?.name).toBe('myapp');
    expect(readStackLink('?stack=/s.yml', PAGE).link?.name).toBe('stack');
    expect(readStackLink('', PAGE)).toEqual({ link: null, warning: null });
  });

  it('refuses what is not a web address, with a warning instead of a broken page', () => {
    expect(readStackLink('?stack=javascript:alert(1)', PAGE)).toEqual({
      link: null,
      warning: 'The stack link must be an http or https address, not "javascript:alert(1)".',
    });
    expect(readStackLink('?stack=http://[bad', PAGE).warning).toBe(
      'The stack link "http://[bad" is not a web address.',
    );
  });

  it('says why a fetch failed: refused (CORS or network), an HTTP error, or not a compose file', async () => {
    const refused = await fetchComposeFile('https://x/y.yml', () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problem).toMatch(
      /^The compose file at https:\/\/x\/y\.yml could not be fetched: the network refused it, or its server does not let other sites read it \(CORS\)\./,
    );
    const missing = await fetchComposeFile('https://x/y.yml', () =>
      Promise.resolve(new Response('nope', { status: 404, statusText: 'Not Found' })),
    );
    expect(missing).toEqual({
      ok: false,
      problem:
        'The compose file at https://x/y.yml could not be fetched: the server answered 404 Not Found.',
    });
    const huge = await fetchComposeFile('https://x/y.yml', () =>
      Promise.resolve(new Response('x'.repeat(1_000_001))),
    );
    expect(huge.ok).toBe(false);
    expect(
      await fetchComposeFile('https://x/y.yml', () =>
        Promise.resolve(new Response('services: {}\n')),
      ),
    ).toEqual({ ok: true, text: 'services: {}\n' });
  });
});

const machine = (
  hostname: string,
  nodeStatus: MachineView['nodeStatus'],
  managerStatus: MachineView['managerStatus'] = null,
): MachineView => ({ hostname, nodeStatus, managerStatus }) as Partial<MachineView> as MachineView;

describe('deploying a linked stack', () => {
  it('waits for a leader and every node Ready', () => {
    expect(swarmReady([machine('m1', 'ready', 'leader'), machine('w1', 'ready')])).toBe(true);
    expect(swarmReady([machine('m1', 'ready', 'leader'), machine('w1', 'unknown')])).toBe(false);
    expect(swarmReady([machine('m1', 'ready', 'reachable')])).toBe(false);
  });

  function fakePage(machines: MachineView[][]) {
    const log: string[] = [];
    let polls = 0;
    const page: StackLinkPage = {
      runtime: {
        get view() {
          return { machines: machines[Math.min(polls, machines.length - 1)] ?? [] };
        },
        playground: {
          files: (hostname: string, request: FileRequest): Promise<AnyFileAnswer> => {
            log.push(`files ${hostname} ${request.op} ${request.path}`);
            return Promise.resolve({ ok: true, value: null });
          },
        },
        exec: (line: string, hostname: string) => {
          log.push(`exec ${hostname} ${line}`);
          return Promise.resolve();
        },
      },
      select: (hostname) => log.push(`select ${hostname}`),
      notify: (message) => log.push(`notify ${message}`),
    };
    const sleep = () => {
      polls++;
      return Promise.resolve();
    };
    return { page, log, sleep };
  }

  it('writes the file to manager1 and types the deploy there once the swarm is ready', async () => {
    const { page, log, sleep } = fakePage([
      [machine('manager1', 'unknown')],
      [machine('manager1', 'ready', 'leader'), machine('worker1', 'ready')],
    ]);
    const link = { url: 'https://x/demo/compose.yml', name: 'demo' };
    await deployLinkedStack(page, link, Promise.resolve({ ok: true, text: 'x' }), sleep);
    expect(log).toEqual([
      'files manager1 write /root/docker-compose.yml',
      'select manager1',
      'notify This swarm is simulated in your browser: the stack "demo" from https://x/demo/compose.yml was deployed on five simulated machines, and nothing runs on a real server.',
      'exec manager1 docker stack deploy -c docker-compose.yml demo',
    ]);
  });

  it('only says what went wrong when the file did not come', async () => {
    const { page, log, sleep } = fakePage([[machine('manager1', 'ready', 'leader')]]);
    const link = { url: 'https://x/demo/compose.yml', name: 'demo' };
    await deployLinkedStack(page, link, Promise.resolve({ ok: false, problem: 'refused' }), sleep);
    expect(log).toEqual(['notify refused']);
  });
});
