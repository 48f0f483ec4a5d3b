import { mergeConfig } from 'vite';
import base from '../../vite.config';

// The worker benchmark measures memory with measureUserAgentSpecificMemory, which Chromium
// offers only to cross-origin isolated pages.
export default mergeConfig(base, {
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
});
