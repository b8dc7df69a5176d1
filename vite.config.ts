// One config for the player build (src/ is the app root), the dev server and the test projects.
// The coursemark() plugin turns content/ into the course manifest and lazily loaded lessons.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const svelteOptions = { compilerOptions: { runes: true } } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/*.test.ts'],
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
});
