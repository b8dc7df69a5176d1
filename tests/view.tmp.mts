export {};
import { startSite } from './helpers/site.ts';
const [dir, ...shots] = process.argv.slice(2);
const site = await startSite(dir);
for (const spec of shots) {
  // name|hash|width|height|scheme|scrollY|action
  const [name, hash, w, h, scheme, scrollY, action] = spec.split('|');
  const { page, context } = await site.open(hash, { viewport: { width: Number(w), height: Number(h) }, colorScheme: scheme as 'light' | 'dark' });
  await page.waitForFunction(() => !!document.querySelector('h1')?.textContent?.trim() && !document.querySelector('[aria-busy="true"]'));
  await page.waitForTimeout(400);
  if (action) await page.getByRole('button', { name: action }).first().click();
  if (scrollY) {
    if (/^\d+$/.test(scrollY)) await page.evaluate((y) => window.scrollTo(0, y), Number(scrollY));
    else await page.locator(scrollY).first().scrollIntoViewIfNeeded();
  }
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/view/${name}.png` });
  await context.close();
}
await site.close();
