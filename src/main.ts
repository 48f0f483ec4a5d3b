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
const runs = new RunStore();
const started = await boot(runs, options, chosen);
const app = new AppState({
  playground: started.playground,
  storage: storageOrNull(),
  runs,
  notices: [...warnings, ...started.notices],
});
target.replaceChildren();
mount(App, { target, props: { app } });
window.playground = createPlaygroundApi(app);
app.playback.run((virtualMs) => {
  // A frame that finds the simulation still busy adds its time to the next step instead.
  void app.runtime.advance(virtualMs);
});
app.autosave();
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
