import '@xterm/xterm/css/xterm.css';
import './ui/global.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { createPlaygroundApi } from './ui/automation';
import type { PlaygroundApi } from './ui/automation-api';
import { AppState } from './ui/state/app-state.svelte';
import { readStartOptions } from './ui/state/url-options';

declare global {
  interface Window {
    playground: PlaygroundApi;
  }
}

// The composition root: the only place that wires the layers together.
const { options, warnings } = readStartOptions(window.location.search);
const app = new AppState(options, storageOrNull(), warnings);
const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');
mount(App, { target, props: { app } });
window.playground = createPlaygroundApi(app);
app.playback.run((virtualMs) => {
  app.runtime.advance(virtualMs);
});

/** localStorage can be missing or throw (privacy modes, sandboxed iframes). */
function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
