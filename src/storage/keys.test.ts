import { describe, expect, it } from 'vitest';
import { courseIdOfProgressKey, isQuarantineKey, progressChannelName, progressKey, quarantineKey } from './keys.ts';

describe('storage keys', () => {
  it('name a course\'s progress and read the course back', () => {
    expect(progressKey('external-customers')).toBe('coursemark:v1:progress:external-customers');
    expect(courseIdOfProgressKey(progressKey('external-customers'))).toBe('external-customers');
    expect(courseIdOfProgressKey('coursemark:v1:progress:')).toBeNull();
    expect(courseIdOfProgressKey(quarantineKey('external-customers', 5))).toBeNull();
  });

  it('keep quarantined records apart from progress', () => {
    expect(quarantineKey('external-customers', 1700000000000)).toBe('coursemark:quarantine:external-customers:1700000000000');
    expect(isQuarantineKey(quarantineKey('c', 1))).toBe(true);
    expect(isQuarantineKey(progressKey('c'))).toBe(false);
    expect(progressChannelName('c')).toBe('coursemark:progress:c');
  });
});
