// `coursemark dev`: Vite's dev server with the site's config; the plugin reads the content itself
// and reads it again on every save (src/content/vite/plugin.ts).

/** Serves until the process is stopped: the returned promise never settles. */
export async function dev(contentDir: string, port: number): Promise<number> {
  const { createServer } = await import('vite');
  const { siteConfig } = await import('../content/vite/site-config.ts');
  const config = siteConfig({ contentDir });
  const server = await createServer({ ...config, logLevel: 'info', server: { ...config.server, port } });
  await server.listen();
  server.printUrls();
  return await new Promise<number>(() => {});
}
