// The service worker's life as the learner sees it: which courses are saved for offline use (a
// course is saved when the learner opens it), and a prompt when a new version of the courses has been
// deployed. Registration is a few lines of our own, to keep the first load small. The worker is our
// own too (src/content/vite/service-worker-runtime.js): it activates a waiting version on {type: 'SKIP_WAITING'},
// saves a course on {type: 'SAVE_COURSE'} and answers {type: 'OFFLINE_STATUS'} with the saved courses.

export class AppUpdate {
  /** Ids of the courses whose every lesson, quiz and file is saved on this device. */
  offlineCourses = $state<readonly string[]>([]);
  /** A new version is downloaded and waiting (or, in another tab, already switched to); `apply()` moves to it. */
  updateAvailable = $state(false);
  #waiting: ServiceWorker | null = null;
  #registered = false;
  /** This tab pressed "Update now": reload as soon as the new version takes over. */
  #applying = false;

  /** Registers ./sw.js on http(s) builds of the site; does nothing on file://, in dev or in tests. */
  register(scriptUrl = './sw.js'): void {
    const target = typeof __COURSEMARK_TARGET__ === 'undefined' ? 'site' : __COURSEMARK_TARGET__;
    if (target !== 'site' || !import.meta.env.PROD || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    this.#registered = true;
    const container = navigator.serviceWorker;
    const hadController = !!container.controller;
    let controlled = hadController;
    container.addEventListener('message', (event: MessageEvent<{ type?: string; courses?: string[] }>) => {
      if (event.data?.type === 'OFFLINE_COURSES' && Array.isArray(event.data.courses)) this.offlineCourses = event.data.courses;
    });
    container.startMessages();
    container
      .register(scriptUrl, { scope: './' })
      .then((registration) => {
        if (registration.waiting && hadController) this.#offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            // With a controller already in place this is an update; without one, the first install.
            if (worker.state === 'installed' && container.controller) this.#offer(worker);
          });
        });
      })
      .catch(() => {
        // No worker (blocked, private mode): the player still works online; nothing to tell the learner.
      });
    container.ready.then((registration) => registration.active?.postMessage({ type: 'OFFLINE_STATUS' }));
    container.addEventListener('controllerchange', () => {
      // The tab that pressed "Update now" moves at once. The first worker taking over a page it did
      // not serve changes nothing; a new version taking over from another tab's click leaves this tab
      // on its version (the worker keeps that version's files for it) and offers to move.
      const first = !controlled;
      controlled = true;
      if (this.#applying) location.reload();
      else if (!first) {
        this.#waiting = null;
        this.updateAvailable = true;
      }
    });
  }

  #offer(worker: ServiceWorker): void {
    this.#waiting = worker;
    this.updateAvailable = true;
  }

  /** Asks the worker to save a course for offline use (quick if it is saved; a failed save is retried). */
  saveCourse(courseId: string): void {
    if (!this.#registered) return;
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'SAVE_COURSE', course: courseId }));
  }

  /** Switches to the new version; the page reloads once it has taken over (at once if it already has). */
  apply(): void {
    this.#applying = true;
    this.updateAvailable = false;
    // A worker already activated from another tab only needs this page to reload.
    if (this.#waiting?.state === 'installed') this.#waiting.postMessage({ type: 'SKIP_WAITING' });
    else location.reload();
  }
}

export const appUpdate = new AppUpdate();
