// `vite` / `vite build` build the player from content/ (same config as `coursemark build`, see
// src/content/vite/site-config.ts); under vitest the same file defines the three test projects.
import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { siteConfig } from './src/content/vite/site-config.ts';

const svelteOptions = { compilerOptions: { runes: true } } as const;

const testConfig: ViteUserConfig = {
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/*.test.ts'],
          // CI has 2 cores shared with the browser tests: a slow machine is not a failure.
          testTimeout: 20_000,
          exclude: ['src/player/**'],
        },
      },
      {
        plugins: [svelte(svelteOptions)],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/player/**/*.test.ts'],
          testTimeout: 20_000,
          setupFiles: ['tests/helpers/component-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
};

export default defineConfig(() =>
  process.env.VITEST ? testConfig : { ...siteConfig({ contentDir: process.env.COURSEMARK_CONTENT ?? 'content' }), configFile: undefined },
);
