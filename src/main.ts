import '@xterm/xterm/css/xterm.css';
import './ui/global.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { preloadDocker } from './cli/docker-lazy';
import { createPlaygroundApi } from './ui/automation';
import { registerOffline } from './ui/offline';
import type { PlaygroundApi } from './ui/automation-api';
import { AppState } from './ui/state/app-state.svelte';
import { boot } from './ui/state/boot';
import { RunStore } from './ui/state/run-store';
import {
  STACK_LINK_PRESET,
  deployLinkedStack,
  fetchComposeFile,
  readStackLink,
} from './ui/state/stack-link';
import { readStartOptions } from './ui/state/url-options';

declare global {
  interface Window {
    playground: PlaygroundApi;
  }
}

// The composition root: the only place that wires the layers together.
const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');
const { options, warnings, chosen } = readStartOptions(window.location.search);
// `?stack=URL` starts a fresh 3m2w swarm and deploys the file; it is fetched while that boots.
const stack = readStackLink(window.location.search, window.location.href);
const fetchedStack =
  stack.link === null ? null : fetchComposeFile(stack.link.url, (url) => fetch(url));
const runs = new RunStore();
const started = await boot(
  runs,
  stack.link === null ? options : { ...options, preset: STACK_LINK_PRESET },
  chosen || stack.link !== null,
);
const app = new AppState({
  playground: started.playground,
  storage: storageOrNull(),
  runs,
  notices: [...warnings, ...(stack.warning === null ? [] : [stack.warning]), ...started.notices],
});
target.replaceChildren();
mount(App, { target, props: { app } });
window.playground = createPlaygroundApi(app);
app.playback.run((virtualMs) => {
  // A frame that finds the simulation still busy adds its time to the next step instead.
  void app.runtime.advance(virtualMs);
});
app.autosave();
if (stack.link !== null && fetchedStack !== null) {
  void deployLinkedStack(
    app,
    stack.link,
    fetchedStack,
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  );
}
void preloadDocker();
registerOffline((activate) => {
  app.offerUpdate(activate);
});

/** localStorage can be missing or throw (privacy modes, sandboxed iframes). */
function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
