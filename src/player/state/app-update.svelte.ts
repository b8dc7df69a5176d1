// The service worker's life as the learner sees it: "available offline" once every file is cached,
// and a prompt when a new version of the courses has been deployed. Registration is a few lines of
// our own, to keep the first load small. The worker is our own too
// (src/cli/service-worker.ts), which activates a waiting version on {type: 'SKIP_WAITING'}.

export class AppUpdate {
  /** Every file of the site is cached: the courses work with the network off. */
  offlineReady = $state(false);
  /** A new version is downloaded and waiting; `apply()` switches to it. */
  updateAvailable = $state(false);
  #waiting: ServiceWorker | null = null;

  /** Registers ./sw.js on http(s) builds of the site; does nothing on file://, in dev or in tests. */
  register(scriptUrl = './sw.js'): void {
    const target = typeof __COURSEMARK_TARGET__ === 'undefined' ? 'site' : __COURSEMARK_TARGET__;
    if (target !== 'site' || !import.meta.env.PROD || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker
      .register(scriptUrl, { scope: './' })
      .then((registration) => {
        if (registration.waiting && hadController) this.#offer(registration.waiting);
        if (registration.active && !registration.installing) this.offlineReady = true;
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state !== 'installed') return;
            // With a controller already in place this is an update; without one, the first install.
            if (navigator.serviceWorker.controller) this.#offer(worker);
            else this.offlineReady = true;
          });
        });
        registration.active?.addEventListener('statechange', () => (this.offlineReady = true));
      })
      .catch(() => {
        // No worker (blocked, private mode): the player still works online; nothing to tell the learner.
      });
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (!hadController || reloading) return;
      reloading = true;
      location.reload();
    });
  }

  #offer(worker: ServiceWorker): void {
    this.#waiting = worker;
    this.updateAvailable = true;
  }

  /** Switches to the waiting version; the page reloads once it has taken over. */
  apply(): void {
    this.#waiting?.postMessage({ type: 'SKIP_WAITING' });
    this.updateAvailable = false;
  }
}

export const appUpdate = new AppUpdate();
