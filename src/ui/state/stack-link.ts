import type { AnyFileAnswer, FileRequest } from '../../lib/filesystem';
import type { MachineView } from '../../sim/read-model';

/**
 * `?stack=URL`: a link that opens a fresh `3m2w` swarm and deploys someone's compose file on it
 * (issue 12, "try a stack from a link"). This module reads the link, fetches the file with the
 * browser's fetch, and says in a sentence why when it cannot; the page then writes the file to
 * manager1 and types the deploy in its terminal, as a user would.
 */
export interface StackLink {
  /** The compose file's address, absolute. */
  readonly url: string;
  /** The stack's name: `&name=` when valid, else the file's folder, as compose names a project. */
  readonly name: string;
}

/** The preset a stack link starts: three managers, so the stack survives losing one. */
export const STACK_LINK_PRESET = '3m2w';
/** Where the file goes on manager1, and the name the deploy reads it by. */
export const STACK_FILE = 'docker-compose.yml';
/** A compose file is text of a few kilobytes; anything this large is not one. */
const MAX_COMPOSE_BYTES = 1_000_000;

/** docker/cli's rule for a stack's name (its namespace prefixes every object it makes). */
const STACK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

/**
 * The link in the page's query, if any; a link that cannot be used gives a warning instead,
 * and the page starts as if it had none.
 */
export function readStackLink(
  search: string,
  pageUrl: string,
): { readonly link: StackLink | null; readonly warning: string | null } {
  const params = new URLSearchParams(search);
  const given = params.get('stack');
  if (given === null) return { link: null, warning: null };
  let url: URL;
  try {
    url = new URL(given, pageUrl);
  } catch {
    return { link: null, warning: `The stack link "${given}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      link: null,
      warning: `The stack link must be an http or https address, not "${given}".`,
    };
  }
  const named = params.get('name');
  const name = named !== null && STACK_NAME.test(named) ? named : nameFromPath(url.pathname);
  return { link: { url: url.href, name }, warning: null };
}

/** compose's project name from the file's folder: lower case, only what a stack name allows. */
function nameFromPath(pathname: string): string {
  const folders = pathname.split('/').filter((part) => part !== '');
  folders.pop();
  const folder = decodeSafely(folders.at(-1) ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  const name = folder.replace(/^[_-]+/, '');
  return name === '' ? 'stack' : name;
}

function decodeSafely(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export type ComposeFetch =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/**
 * Fetches the compose file. The browser does not say why a cross-site fetch failed (CORS, DNS,
 * offline all look alike), so the message names the likely causes and what to do.
 */
export async function fetchComposeFile(
  url: string,
  fetcher: (url: string) => Promise<Response>,
): Promise<ComposeFetch> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch {
    return {
      ok: false,
      problem:
        `The compose file at ${url} could not be fetched: the network refused it, or its ` +
        'server does not let other sites read it (CORS). Open the address to check it, or ask ' +
        'its owner to serve it with "Access-Control-Allow-Origin: *" (raw.githubusercontent.com does).',
    };
  }
  if (!response.ok) {
    const status = `${String(response.status)} ${response.statusText}`.trim();
    return {
      ok: false,
      problem: `The compose file at ${url} could not be fetched: the server answered ${status}.`,
    };
  }
  const text = await response.text();
  if (text.length > MAX_COMPOSE_BYTES) {
    return { ok: false, problem: `The file at ${url} is too large to be a compose file.` };
  }
  return { ok: true, text };
}

/**
 * The swarm the link starts is ready for a deploy once a leader answers and every machine's
 * node is Ready, as `docker node ls` would show it.
 */
export function swarmReady(machines: readonly MachineView[]): boolean {
  const leader = machines.some((machine) => machine.managerStatus === 'leader');
  return leader && machines.every((machine) => machine.nodeStatus === 'ready');
}

/** The command typed in manager1's terminal. */
export function deployCommand(link: StackLink): string {
  return `docker stack deploy -c ${STACK_FILE} ${link.name}`;
}

/** The banner over the page while a linked stack runs. */
export function simulatedBanner(link: StackLink): string {
  return (
    `This swarm is simulated in your browser: the stack "${link.name}" from ${link.url} ` +
    'was deployed on five simulated machines, and nothing runs on a real server.'
  );
}

/** What the deploy needs of the page: its runtime now, and its banner and terminal choice. */
export interface StackLinkPage {
  readonly runtime: {
    readonly view: { readonly machines: readonly MachineView[] };
    readonly playground: {
      files(hostname: string, request: FileRequest): Promise<AnyFileAnswer>;
    };
    exec(line: string, hostname: string): Promise<unknown>;
  };
  select(hostname: string): void;
  notify(message: string): void;
}

const DEPLOY_HOST = 'manager1';
/** How long the page waits for the new swarm before it leaves the deploy to the user. */
const READY_WAIT_MS = 60_000;
const READY_POLL_MS = 100;

/**
 * Deploys the linked stack once the file has come and the swarm is ready: the file is written
 * to manager1 as `docker-compose.yml` and the deploy typed in its terminal. Whatever goes
 * wrong is said in a notice, and the fresh swarm stays usable.
 */
export async function deployLinkedStack(
  page: StackLinkPage,
  link: StackLink,
  fetched: Promise<ComposeFetch>,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const file = await fetched;
  if (!file.ok) {
    page.notify(file.problem);
    return;
  }
  const runtime = page.runtime;
  for (let waited = 0; !swarmReady(runtime.view.machines); waited += READY_POLL_MS) {
    // A reset or another preset replaced the swarm this link was for.
    if (page.runtime !== runtime) return;
    if (waited >= READY_WAIT_MS) {
      page.notify(
        `The simulated swarm was not ready in time, so the stack from ${link.url} was not deployed.`,
      );
      return;
    }
    await sleep(READY_POLL_MS);
  }
  const path = `/root/${STACK_FILE}`;
  const written = await runtime.playground.files(DEPLOY_HOST, {
    op: 'write',
    path,
    text: file.text,
    append: false,
  });
  if (!written.ok) {
    page.notify(`The compose file could not be written to ${DEPLOY_HOST}:${path}.`);
    return;
  }
  page.select(DEPLOY_HOST);
  page.notify(simulatedBanner(link));
  await runtime.exec(deployCommand(link), DEPLOY_HOST);
}
