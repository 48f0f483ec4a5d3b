import type { PlaygroundApi } from '../../src/ui/automation-api';

declare global {
  interface Window {
    playground: PlaygroundApi;
  }
}
