// coursemark export: what a tutor gets wrong on the command line is a usage error (exit 2) with the
// right form, an unknown course lists the courses there are (exit 1), and nothing is written. The
// packages themselves are built and played in tests/e2e/lms-scorm.test.ts and lms-cmi5.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'coursemark-export-args-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await run(args, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: ROOT });
  return { code, text: lines.join('\n') };
}

describe('coursemark export', () => {
  it.each([
    [['export'], /export supports scorm and cmi5/],
    [['export', 'xapi', '--course', 'external-customers'], /export supports scorm and cmi5/],
    [['export', 'scorm', '--course', 'external-customers', '--out', 'x.zip'], /export scorm needs --course ID --version 1\.2\|2004 --out FILE\.zip/],
    [['export', 'scorm', '--course', 'external-customers', '--version', '3', '--out', 'x.zip'], /--version must be 1\.2 or 2004, not "3"/],
    [['export', 'scorm', '--version', '1.2', '--out', 'x.zip'], /export scorm needs --course ID/],
    [['export', 'scorm', '--course', 'external-customers', '--version', '1.2'], /export scorm needs/],
    [['export', 'scorm', '--course', '--version', '1.2'], /--course needs a value/],
    [['export', 'scorm', '--course', 'external-customers', '--version', '1.2', '--out', 'x.zip', '--colour'], /unknown option --colour/],
    [['export', 'scorm', 'external-customers'], /unexpected argument "external-customers"/],
    [['export', 'cmi5', '--out', 'x.zip'], /export cmi5 needs --course ID --out FILE\.zip/],
  ])('%j is a usage error', async (args, message) => {
    const { code, text } = await cli(...args);
    expect(code).toBe(2);
    expect(text).toMatch(message);
    expect(text).toContain('Run "coursemark --help" for usage.');
  });

  it('an unknown course exits 1 and lists the courses there are, writing nothing', async () => {
    const zip = join(out, 'none.zip');
    const { code, text } = await cli('export', 'scorm', '--course', 'external-customer', '--version', '2004', '--out', zip);
    expect(code).toBe(1);
    expect(text).toBe('coursemark: there is no course "external-customer" in content; the courses are: customer-service, external-customers');
    expect(existsSync(zip)).toBe(false);
  });

  it('refuses to write over a folder, a non-zip or an existing file without --force (exit 2, nothing built)', async () => {
    const existing = join(out, 'old.zip');
    writeFileSync(existing, 'an earlier package');
    for (const [target, message] of [
      [out, /is a folder, not a file/],
      [join(out, 'package.txt'), /must name a \.zip file/],
      [existing, /already exists/],
    ] as const) {
      const { code, text } = await cli('export', 'scorm', '--course', 'external-customers', '--version', '1.2', '--out', target);
      expect(code, text).toBe(2);
      expect(text).toMatch(message);
    }
    expect(readFileSync(existing, 'utf8')).toBe('an earlier package');
  });

  it('content errors are reported as everywhere, and nothing is written', async () => {
    const zip = join(out, 'broken.zip');
    const { code, text } = await cli('export', 'cmi5', '--course', 'fixture', '--content', 'tests/fixtures/diagnostics/unclosed-block/content', '--out', zip);
    expect(code).toBe(1);
    expect(text).toMatch(/^tests\/fixtures\/diagnostics\/unclosed-block\/content\/fixture\/01-lesson\.md:\d+:\d+: error: /m);
    expect(text).toContain(`Nothing was written to ${zip}.`);
    expect(existsSync(zip)).toBe(false);
  });
});
