// Renders static/icon.svg to the PNG icons the web app manifest needs (192 and 512 px, plus a
// maskable 512 with safe padding), with the system Chromium. Run after changing the icon:
//   node --import tsx scripts/make-icons.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';

const STATIC = resolve(import.meta.dirname, '../static');
const svg = readFileSync(resolve(STATIC, 'icon.svg'), 'utf8');
const browser = await launchChromium();
for (const [name, size, padding] of [['icon-192.png', 192, 0], ['icon-512.png', 512, 0], ['icon-maskable-512.png', 512, 0.1]] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(
    `<html><body style="margin:0;background:${padding ? '#1f5fa8' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body></html>`,
  );
  await page.screenshot({ path: resolve(STATIC, name), omitBackground: !padding });
  await page.close();
}
await browser.close();
console.log('Wrote static/icon-192.png, icon-512.png and icon-maskable-512.png');
