// The one markup escaper: whatever the text, nothing in the result can open a tag, end a quoted
// attribute or start an entity of its own, the text reads back whole, and XML takes it as HTML does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../tests/helpers/scorm-schema.ts';
import { scormManifest } from '../lms/manifest.ts';
import { escapeMarkup } from './escape.ts';

const DECODE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const markup = fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", ';', '#', '3', '9', 'é', 'amp', 'lt') });

describe('escapeMarkup', () => {
  it('leaves no character that markup would read, and decodes back to the text', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ unit: 'grapheme' })), (text) => {
        const escaped = escapeMarkup(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => DECODE[entity]!)).toBe(text);
      }),
    );
  });

  it('pins the five entities', () => {
    expect(escapeMarkup(`Tom & Jerry's <"show">`)).toBe('Tom &amp; Jerry&#39;s &lt;&quot;show&quot;&gt;');
  });

  it('writes XML the SCORM schema accepts, apostrophes included', async () => {
    const course = { id: 'tutors-course', title: `The tutor's "best" <course> & more`, version: '1.0.0', passMark: 80, hasQuiz: true };
    const xml = scormManifest(course, '2004', ['index.html']);
    expect(xml).toContain('<title>The tutor&#39;s &quot;best&quot; &lt;course&gt; &amp; more</title>');
    expect(await validateManifest(xml, '2004')).toEqual([]);
  });
});
