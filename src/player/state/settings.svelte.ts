// The learner's display preferences (theme and text size): reactive, applied to <html>, and kept
// in localStorage so they apply before the first paint on the next visit.
import { SETTINGS_KEY } from '../../storage/keys.ts';
import { localStore } from '../../storage/local-storage.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Text sizes and the `--cm-text-scale` each sets (tokens.css scales every size from it). */
export const TEXT_SIZES = { standard: 1, large: 1.125, larger: 1.25 } as const;
export type TextSize = keyof typeof TEXT_SIZES;

export { SETTINGS_KEY };

interface StoredSettings {
  version: 1;
  theme: Theme;
  textSize: TextSize;
}

const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);
const isTextSize = (value: unknown): value is TextSize =>
  typeof value === 'string' && Object.hasOwn(TEXT_SIZES, value);

/** Reads stored settings, keeping whatever is valid and defaulting the rest. Never throws. */
export function restoreSettings(raw: string | null): { theme: Theme; textSize: TextSize } {
  let stored: unknown = null;
  try {
    stored = raw === null ? null : JSON.parse(raw);
  } catch {
    stored = null;
  }
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    theme: isTheme(record.theme) ? record.theme : 'system',
    textSize: isTextSize(record.textSize) ? record.textSize : 'standard',
  };
}

export class Settings {
  #theme = $state<Theme>('system');
  #textSize = $state<TextSize>('standard');
  #storage: Storage | null;
  #root: HTMLElement | null;

  constructor(storage: Storage | null = localStore(), root: HTMLElement | null = globalThis.document?.documentElement ?? null) {
    this.#storage = storage;
    this.#root = root;
    let raw: string | null = null;
    try {
      raw = storage?.getItem(SETTINGS_KEY) ?? null;
    } catch {
      raw = null;
    }
    const restored = restoreSettings(raw);
    this.#theme = restored.theme;
    this.#textSize = restored.textSize;
    this.#apply();
  }

  get theme(): Theme {
    return this.#theme;
  }

  set theme(theme: Theme) {
    if (!isTheme(theme)) return;
    this.#theme = theme;
    this.#apply();
    this.#save();
  }

  get textSize(): TextSize {
    return this.#textSize;
  }

  set textSize(size: TextSize) {
    if (!isTextSize(size)) return;
    this.#textSize = size;
    this.#apply();
    this.#save();
  }

  #apply(): void {
    const root = this.#root;
    if (!root) return;
    // "System" leaves the attribute off so tokens.css follows prefers-color-scheme.
    if (this.#theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', this.#theme);
    if (this.#textSize === 'standard') root.style.removeProperty('--cm-text-scale');
    else root.style.setProperty('--cm-text-scale', String(TEXT_SIZES[this.#textSize]));
  }

  #save(): void {
    const record: StoredSettings = { version: 1, theme: this.#theme, textSize: this.#textSize };
    try {
      this.#storage?.setItem(SETTINGS_KEY, JSON.stringify(record));
    } catch {
      // A full or blocked storage only costs the preference on the next visit.
    }
  }
}
