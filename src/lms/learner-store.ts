// Inside an LMS several learners may share one browser (a classroom, a library): each learner's copy
// of their progress is kept apart, under keys that carry the LMS's learner id. The LMS adapter's
// storage keys are all here (the player's own are in src/storage/keys.ts).
import type { ProgressStore } from '../storage/store.ts';

/** Stored beside the learner's progress once the LMS has taken a report: the LMS has seen this device's work. */
export const ACKNOWLEDGED_KEY = 'lms-acknowledged';

/** `store`, with every key moved under the learner's own prefix. */
export function learnerStore(store: ProgressStore, learnerId: string): ProgressStore {
  const prefix = `lms:${encodeURIComponent(learnerId || 'anonymous')}:`;
  const within = (key: string | undefined): string | undefined => (key === undefined ? undefined : prefix + key);
  return {
    open: () => store.open(),
    checkWritable: () => store.checkWritable(),
    get: (key) => store.get(prefix + key),
    set: (key, value) => store.set(prefix + key, value),
    remove: (key) => store.remove(prefix + key),
    range: async (keyPrefix, options) => {
      const page = await store.range(prefix + keyPrefix, { ...options, after: within(options.after), before: within(options.before) });
      return page.ok ? { ok: true, value: page.value.map((entry) => ({ ...entry, key: entry.key.slice(prefix.length) })) } : page;
    },
    count: (keyPrefix, options = {}) => store.count(prefix + keyPrefix, { after: within(options.after) }),
    keys: async () => {
      const all = await store.keys();
      return all.ok ? { ok: true, value: all.value.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)) } : all;
    },
  };
}
