// The single file's policy allows exactly its own inline scripts, by hash; the site's allows files only.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlinePolicy } from './csp.ts';

const sha = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

describe('the Content-Security-Policy', () => {
  it('on the site: scripts from the site only, no plugins, no <base>, no form posts', () => {
    const policy = contentSecurityPolicy(["'self'"]);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('in the single file: the hash of each inline script and nothing else', () => {
    const a = 'console.log("a</p>")';
    const b = '\nimport("x")\n';
    const policy = inlinePolicy(`<head><script type="module" crossorigin>${a}</script></head><body><script>${b}</script><script src="x.js"></script></body>`);
    expect(policy).toContain(`script-src ${sha(a)} ${sha(b)};`);
    expect(inlinePolicy('<p>no script</p>')).toContain("script-src 'none';");
  });
});
