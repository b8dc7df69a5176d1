// The Vite plugin that exposes content/ to the player as virtual modules:
//   virtual:coursemark/catalogue   a card per course (part of the first load); loadCourse(course) → the
//                                  course's packed lesson list (schema/course-pack.ts), and
//                                  loadCourseLoaders(course) → its lesson and quiz loaders, each its own chunk
//   virtual:coursemark/course/<id>   one course's packed manifest, what its home needs
//   virtual:coursemark/loaders/<id>  loadLesson(lesson) → a lazily loaded component chunk,
//                                    loadQuiz(quiz) → a lazily loaded JSON chunk, for one course
//   virtual:coursemark/details     loadCourseDetails(course) → the full manifest (prompts, block titles)
//   virtual:coursemark/search      loadSearchIndex(course) → the course's search index (search-index.ts)
// Content errors fail the build once, with every diagnostic; in dev they show in the overlay and
// the page reloads when a content file changes.
import type { Plugin } from 'vite';
import { PROOF_BANNER, PROOF_HEAD } from '../proof.ts';
import { DEV_CLIENT_ID } from '../dev-overlay.ts';
import { ContentState } from './content-state.ts';
import { DEV_SERVER_CONFIG, contentSaved, startWatching } from './dev-server.ts';
import { loadVirtual, resolveVirtual } from './virtual-modules.ts';
import type { CoursemarkPluginOptions } from './plugin-options.ts';

export type { CoursemarkPluginOptions } from './plugin-options.ts';
export { ContentError } from './content-state.ts';
export { lightCatalogue } from './virtual-modules.ts';

export function coursemark(options: CoursemarkPluginOptions): Plugin {
  const state = new ContentState(options);
  return {
    name: 'coursemark',
    enforce: 'pre',
    configResolved(config) {
      state.dev = config.command === 'serve';
      state.sourcemap = state.dev || Boolean(config.build.sourcemap);
    },
    config: (_config, env) => (env.command === 'serve' ? DEV_SERVER_CONFIG : undefined),
    configureServer: (devServer) => startWatching(state, devServer),
    async hotUpdate({ file, type }) {
      if (this.environment.name !== 'client') return undefined;
      return contentSaved(state, this.environment, file, type);
    },
    buildStart() {
      const result = state.load();
      for (const file of result.files) this.addWatchFile(file);
      if (!state.dev) state.ensureValid();
    },
    transformIndexHtml(html, ctx) {
      // In dev the page's own ?proof asks for it; a --proof build always is one.
      const proof = options.proof || (state.dev && /[?&]proof\b/.test(ctx.originalUrl ?? ''));
      const withProof = proof ? html.replace('</head>', `${PROOF_HEAD}\n</head>`).replace('<body>', `<body>\n${PROOF_BANNER}`) : html;
      if (!state.dev) return withProof;
      return { html: withProof, tags: [{ tag: 'script', attrs: { type: 'module', src: `/@id/${DEV_CLIENT_ID}` }, injectTo: 'head' }] };
    },
    resolveId: (id) => resolveVirtual(id),
    load: (id) => loadVirtual(state, id),
  };
}
