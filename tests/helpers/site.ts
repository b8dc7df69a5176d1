// Shared set-up for browser journeys: the built site served on a free port, one Chromium, and a
// fresh context (empty storage) per test unless a test asks to keep one.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { builtSite } from './built-site.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface Site {
  url: string;
  browser: Browser;
  /** A new context and page; `viewport` defaults to a laptop. */
  open(hash?: string, options?: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startSite(contentDir = 'content'): Promise<Site> {
  const dist = await builtSite(contentDir);
  const server: StaticServer = await serveStatic(dist);
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    async open(hash = '#/', options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      (page as Page & { errors?: string[] }).errors = errors;
      await page.goto(server.url + hash);
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Errors thrown inside the page since it opened. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
