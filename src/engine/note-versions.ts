// The texts of one note as a set of versions, so that two tabs, two devices or an imported file
// never silently overwrite each other's words. A version `f` supersedes `e` when `f` was written
// later by someone who had seen `e` (f.basedOn >= e.updatedAt). A note keeps every version nothing
// supersedes: the newest is its text, the others are rivals the learner can restore or dismiss.
// Keeping the maximal versions of a union is a join, so merging stays order-independent.
import { canonicalJson } from './canonical.ts';
import type { Note, NoteVersion } from './progress-types.ts';

/** Rivals kept per note: far more than real concurrent edits produce, small enough to stay cheap. */
export const MAX_NOTE_VERSIONS = 20;

function versionOf(entry: NoteVersion): NoteVersion {
  return entry.basedOn === undefined
    ? { text: entry.text, updatedAt: entry.updatedAt }
    : { text: entry.text, updatedAt: entry.updatedAt, basedOn: entry.basedOn };
}

/** Every version a note holds: its own text first, then its rivals. */
export function noteVersions(note: Note): NoteVersion[] {
  return [versionOf(note), ...(note.versions ?? []).map(versionOf)];
}

function supersedes(later: NoteVersion, earlier: NoteVersion): boolean {
  if (later.basedOn === undefined || !(later.updatedAt > earlier.updatedAt)) return false;
  // A version cannot have seen anything written after itself.
  return Math.min(later.basedOn, later.updatedAt) >= earlier.updatedAt;
}

/** Newest first; equal times ordered by content, so every copy picks the same one. */
function newestFirst(a: NoteVersion, b: NoteVersion): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? 1 : x > y ? -1 : 0;
}

/** The versions nothing else supersedes, duplicates removed, newest first and capped. */
export function liveVersions(versions: NoteVersion[]): NoteVersion[] {
  const unique = new Map<string, NoteVersion>();
  for (const version of versions) unique.set(canonicalJson(version), version);
  const all = [...unique.values()];
  const live = all.filter((version) => !all.some((other) => supersedes(other, version)));
  return live.sort(newestFirst);
}

/** The note's text fields from a set of versions: the newest is the text, the rest are rivals. */
export function noteFromVersions(versions: NoteVersion[]): Pick<Note, 'text' | 'updatedAt' | 'basedOn' | 'versions'> {
  const [current = { text: '', updatedAt: 0 }, ...others] = liveVersions(versions);
  // An empty rival is a judgement saved before anything was written, and a rival with the note's
  // own text says nothing new: neither is kept.
  const rivals = others.filter((version) => version.text.trim() !== '' && version.text !== current.text);
  const note: Pick<Note, 'text' | 'updatedAt' | 'basedOn' | 'versions'> = versionOf(current);
  if (rivals.length > 0) note.versions = rivals.slice(0, MAX_NOTE_VERSIONS).reverse();
  return note;
}

/** The rivals worth showing the learner, newest first, one per distinct text. */
export function rivalTexts(note: Note | undefined): NoteVersion[] {
  if (!note?.versions) return [];
  const seen = new Set([note.text]);
  return [...note.versions].reverse().filter((version) => {
    if (version.text.trim() === '' || seen.has(version.text)) return false;
    seen.add(version.text);
    return true;
  });
}
