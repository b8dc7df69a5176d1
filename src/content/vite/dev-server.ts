// What the plugin does in dev only: the server's settings, the watch on content/, and what a saved
// content file updates (one lesson in place, or the page reloaded, or the overlay's diagnostics).
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { DevEnvironment, EnvironmentModuleNode, UserConfig, ViteDevServer } from 'vite';
import { diagnosticsPayload, planUpdate } from '../dev-update.ts';
import { DEV_CLIENT_ID } from '../dev-overlay.ts';
import { ContentError, stampOf, type ContentState } from './content-state.ts';
import { LESSON_PREFIX, PROOF_SUFFIX } from './virtual-modules.ts';

/**
 * Content problems show in Coursemark's own panel (dev-overlay.ts), which speaks to tutors. The
 * player is transformed as soon as the server listens, not module by module as the browser
 * discovers its imports, so the first page does not wait for that chain.
 */
export const DEV_SERVER_CONFIG: UserConfig = {
  server: {
    hmr: { overlay: false },
    // The pages a tutor opens first (catalogue, course, lesson) and every block; not the quiz player.
    warmup: { clientFiles: ['./player/main.ts', './player/routes/{Catalogue,Course,Lesson}Page.svelte', './player/blocks/*Block.svelte', './player/blocks/{Reveal,CaseQuestion,ReflectionPrompt}.svelte'] },
  },
};

/**
 * The file watcher drops a second change to a file within 50 ms of the first (longer on a busy
 * machine), so the end of a save can go unseen and the page would show a half-written file. A
 * cheap check of every content file's size and time, a few times a second, replays what it missed.
 */
function watchForMissedSaves(devServer: ViteDevServer, stamps: Map<string, string>): void {
  const timer = setInterval(() => {
    for (const [file, stamp] of stamps) {
      const now = stampOf(file);
      if (now === stamp) continue;
      // A removed file is the watcher's to report ("unlink"); a changed one is replayed.
      if (now === 'gone') stamps.delete(file);
      else devServer.watcher.emit('change', file);
      return;
    }
  }, 250);
  timer.unref();
  devServer.httpServer?.on('close', () => clearInterval(timer));
}

export function startWatching(state: ContentState, devServer: ViteDevServer): void {
  state.server = devServer;
  // content/ is outside the app root, so Vite does not watch it by itself.
  devServer.watcher.add(state.options.contentDir);
  watchForMissedSaves(devServer, state.stamps);
  // Read the content while the browser is still on its way, not when it asks for the catalogue.
  devServer.httpServer?.once('listening', () => setImmediate(() => state.load()));
}

/** Whether a changed file is content: in content/, a GIFT file, or one a lesson links to. */
function isContentFile(state: ContentState, file: string): boolean {
  const inContent = resolve(file).startsWith(`${resolve(state.options.contentDir)}${sep}`);
  return inContent || file.endsWith('.gift') || (state.content ?? state.load()).files.includes(file);
}

/**
 * Reads the content again after a save and says what the page must do: undefined leaves it to
 * Vite, [] means handled here (errors shown, or a full reload sent), else the lesson modules to update.
 */
export async function contentSaved(state: ContentState, env: DevEnvironment, file: string, type: string): Promise<EnvironmentModuleNode[] | undefined> {
  const { server } = state;
  if (!server || !isContentFile(state, file)) return undefined;
  // A lesson's result depends on the files it links to (images, GIFT files): any other file
  // changing may change it.
  if (!file.endsWith('.md')) state.lessonCache.clear();
  // An editor that truncates before writing can be caught in between: give it a moment.
  if (type === 'update' && existsSync(file) && statSync(file).size === 0) await new Promise((done) => setTimeout(done, 50));
  const started = performance.now();
  for (const known of new Set([...(state.content ?? state.load()).files, file])) state.stamps.set(known, stampOf(known));
  const previous = state.lastGood;
  state.content = undefined;
  const result = state.load();
  const clientModule = env.moduleGraph.getModuleById(`\0${DEV_CLIENT_ID}`);
  if (clientModule) env.moduleGraph.invalidateModule(clientModule);
  env.hot.send({ type: 'custom', event: 'coursemark:diagnostics', data: diagnosticsPayload(result) });
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    server.config.logger.error(new ContentError(result).message, { timestamp: true });
    return [];
  }
  // A file added or removed changes the course (a lesson, an image a lesson was missing): reload.
  const plan = type === 'update' ? planUpdate(previous, result) : { reload: true, lessons: [] };
  if (plan.reload) {
    for (const mod of env.moduleGraph.idToModuleMap.values()) {
      if (mod.id?.startsWith('\0virtual:coursemark')) env.moduleGraph.invalidateModule(mod);
    }
    env.hot.send({ type: 'full-reload', path: '*' });
    return [];
  }
  // Nothing of a lesson changed (an image was edited, say): Vite's own update handles it.
  if (plan.lessons.length === 0) return undefined;
  const modules = plan.lessons
    .flatMap((lesson) => [`\0${LESSON_PREFIX}${lesson}`, `\0${LESSON_PREFIX}${lesson}${PROOF_SUFFIX}`])
    .map((id) => env.moduleGraph.getModuleById(id))
    .filter((mod): mod is NonNullable<typeof mod> => mod !== undefined);
  server.config.logger.info(`coursemark: ${plan.lessons.join(', ')} updated in place (${Math.round(performance.now() - started)} ms to read the content)`, { timestamp: true });
  return modules;
}
