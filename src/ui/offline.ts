import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that makes the page work offline (docs/architecture.md,
 * "Offline"). When a new version is installed it waits; `onUpdate` gets the function that
 * activates it and reloads the page, for the user to call when it suits them.
 */
export function registerOffline(onUpdate: (activate: () => Promise<void>) => void): void {
  const update = registerSW({
    onNeedRefresh() {
      onUpdate(async () => {
        // The plugin reloads only a page that had a service worker when it loaded; a first
        // visit's page must reload too once the new version takes it over.
        navigator.serviceWorker.addEventListener(
          'controllerchange',
          () => {
            window.location.reload();
          },
          { once: true },
        );
        await update(true);
      });
    },
    onRegisterError(error: unknown) {
      // A browser without service workers (or a private window that refuses them) still runs
      // the playground; it only needs the network to load.
      console.warn('The playground will not work offline here:', error);
    },
  });
}
