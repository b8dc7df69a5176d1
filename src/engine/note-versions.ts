// The texts of one note as a set of versions, so that two tabs, two devices or an imported file
// never silently overwrite each other's words. Each version names its writer (a tab) and what it
// had seen of other writers (a small version vector): `f` supersedes `e` when `f` is later and had
// seen `e`. A note keeps every version nothing supersedes: the newest is its text, the others are
// rivals the learner can restore or dismiss. Keeping the maximal versions of a union is a join, so
// merging stays order-independent.
import { canonicalJson } from './canonical.ts';
import type { Note, NoteVersion } from './progress-types.ts';

/** Rivals kept per note: far more than real concurrent edits produce, small enough to stay cheap. */
export const MAX_NOTE_VERSIONS = 20;
/** Writers remembered per version. Forgetting one can only show an old text again, never lose one. */
const MAX_SEEN_WRITERS = 16;

type NoteText = Pick<Note, 'text' | 'updatedAt' | 'by' | 'seen' | 'versions'>;

function versionOf(entry: NoteVersion): NoteVersion {
  const version: NoteVersion = { text: entry.text, updatedAt: entry.updatedAt };
  if (entry.by !== undefined) version.by = entry.by;
  if (entry.seen !== undefined) version.seen = entry.seen;
  return version;
}

/** A short, stable hash of a text (FNV-1a), to tell apart texts written without a writer id. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Who wrote a version: its tab, or for a text from before writers were recorded, the text itself. */
export function writerOf(version: NoteVersion): string {
  return version.by ?? `~${version.updatedAt}:${hashText(version.text)}`;
}

/** Every version a note holds: its own text first, then its rivals. */
export function noteVersions(note: Note): NoteVersion[] {
  return [versionOf(note), ...(note.versions ?? []).map(versionOf)];
}

function supersedes(later: NoteVersion, earlier: NoteVersion): boolean {
  if (!(later.updatedAt > earlier.updatedAt) || !later.seen) return false;
  const writer = writerOf(earlier);
  return Object.hasOwn(later.seen, writer) && (later.seen[writer] ?? -1) >= earlier.updatedAt;
}

/** What a text written on top of `versions` has seen: each of them and all they had seen. */
export function seenThrough(versions: NoteVersion[]): Record<string, number> {
  const seen = new Map<string, number>();
  const note = (writer: string, time: number) => seen.set(writer, Math.max(time, seen.get(writer) ?? -1));
  for (const version of versions) {
    for (const [writer, time] of Object.entries(version.seen ?? {})) note(writer, time);
    note(writerOf(version), version.updatedAt);
  }
  const newest = [...seen].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_SEEN_WRITERS);
  const out = Object.create(null) as Record<string, number>;
  for (const [writer, time] of newest) Object.defineProperty(out, writer, { value: time, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Newest first; equal times ordered by content, so every copy picks the same one. */
function newestFirst(a: NoteVersion, b: NoteVersion): number {
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? 1 : x > y ? -1 : 0;
}

/** The versions nothing else supersedes, duplicates removed, newest first. */
export function liveVersions(versions: NoteVersion[]): NoteVersion[] {
  const unique = new Map<string, NoteVersion>();
  for (const version of versions) unique.set(canonicalJson(version), version);
  const all = [...unique.values()];
  return all.filter((version) => !all.some((other) => supersedes(other, version))).sort(newestFirst);
}

/** The note's text fields from a set of versions: the newest is the text, the rest are rivals. */
export function noteFromVersions(versions: NoteVersion[]): NoteText {
  const [current = { text: '', updatedAt: 0 }, ...others] = liveVersions(versions);
  // An empty rival is a judgement saved before anything was written, and a rival with the note's
  // own text says nothing new: neither is kept.
  const rivals = others.filter((version) => version.text.trim() !== '' && version.text !== current.text);
  const note: NoteText = versionOf(current);
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
