import { beforeEach, describe, expect, it } from 'vitest';
import { restoreSettings, Settings, SETTINGS_KEY } from './settings.svelte.ts';

/** A Storage that can be told to fail, like Safari's private mode or a full quota. */
function memoryStorage(failing = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => {
      if (failing) throw new DOMException('blocked', 'SecurityError');
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (failing) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}

describe('restoreSettings', () => {
  it('defaults to the system theme and standard text', () => {
    expect(restoreSettings(null)).toEqual({ theme: 'system', textSize: 'standard' });
    expect(restoreSettings('not json')).toEqual({ theme: 'system', textSize: 'standard' });
    expect(restoreSettings('null')).toEqual({ theme: 'system', textSize: 'standard' });
  });

  it('keeps each valid field and replaces each invalid one', () => {
    expect(restoreSettings('{"theme":"dark","textSize":"huge"}')).toEqual({ theme: 'dark', textSize: 'standard' });
    expect(restoreSettings('{"theme":"purple","textSize":"larger"}')).toEqual({ theme: 'system', textSize: 'larger' });
    expect(restoreSettings('{"theme":"light","textSize":"toString"}')).toEqual({ theme: 'light', textSize: 'standard' });
  });
});

describe('Settings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('html');
  });

  it('applies the theme to data-theme and removes it for "system"', () => {
    const settings = new Settings(memoryStorage(), root);
    expect(root.hasAttribute('data-theme')).toBe(false);
    settings.theme = 'dark';
    expect(root.getAttribute('data-theme')).toBe('dark');
    settings.theme = 'light';
    expect(root.getAttribute('data-theme')).toBe('light');
    settings.theme = 'system';
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('sets --cm-text-scale for larger text', () => {
    const settings = new Settings(memoryStorage(), root);
    settings.textSize = 'larger';
    expect(root.style.getPropertyValue('--cm-text-scale')).toBe('1.25');
    settings.textSize = 'standard';
    expect(root.style.getPropertyValue('--cm-text-scale')).toBe('');
  });

  it('remembers the choice for the next visit and applies it at once', () => {
    const storage = memoryStorage();
    const first = new Settings(storage, root);
    first.theme = 'dark';
    first.textSize = 'large';
    expect(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}')).toEqual({ version: 1, theme: 'dark', textSize: 'large' });

    const nextRoot = document.createElement('html');
    const next = new Settings(storage, nextRoot);
    expect(next.theme).toBe('dark');
    expect(next.textSize).toBe('large');
    expect(nextRoot.getAttribute('data-theme')).toBe('dark');
    expect(nextRoot.style.getPropertyValue('--cm-text-scale')).toBe('1.125');
  });

  it('keeps working when storage throws or is missing', () => {
    const blocked = new Settings(memoryStorage(true), root);
    blocked.theme = 'dark';
    expect(blocked.theme).toBe('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');

    const none = new Settings(null, root);
    none.textSize = 'large';
    expect(none.textSize).toBe('large');
  });

  it('ignores values that are not a theme or size', () => {
    const settings = new Settings(memoryStorage(), root);
    settings.theme = 'neon' as never;
    settings.textSize = 'giant' as never;
    expect(settings.theme).toBe('system');
    expect(settings.textSize).toBe('standard');
  });
});
