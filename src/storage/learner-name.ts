// The learner's name for certificates, as they typed it, kept in localStorage (a few bytes, read when
// the certificate page opens) as `{ version: 1, name }`. Never throws: a blocked storage only means
// the name has to be typed again next time.

export const LEARNER_NAME_KEY = 'coursemark:v1:learner-name';

export function readLearnerName(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    const value: unknown = JSON.parse(storage?.getItem(LEARNER_NAME_KEY) ?? 'null');
    if (value && typeof value === 'object' && (value as { version?: unknown }).version === 1) {
      const name = (value as { name?: unknown }).name;
      if (typeof name === 'string') return name.slice(0, 200);
    }
  } catch {
    // Unreadable: the learner types their name again.
  }
  return '';
}

/** Saves the name; false when storage refused it. */
export function writeLearnerName(name: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(LEARNER_NAME_KEY, JSON.stringify({ version: 1, name }));
    return storage !== undefined;
  } catch {
    return false;
  }
}
