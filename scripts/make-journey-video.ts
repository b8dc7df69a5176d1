// Makes content/customer-service/media/customer-journey.webm: a short, silent animation of the five
// stages of the customer journey (the same stages as customer-journey.svg), drawn on a canvas in
// Chromium and recorded with MediaRecorder. Its captions (customer-journey.vtt) hold the same words.
// Run once with `npx tsx scripts/make-journey-video.ts`; the output is committed.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';

const STAGES = [
  ['The customer journey', 'Five stages, from first hearing of you to recommending you'],
  ['1 Awareness', 'The customer learns that you exist'],
  ['2 Consideration', 'They compare you with the alternatives'],
  ['3 Purchase', 'They buy'],
  ['4 Retention', 'They use the product, get support and come back'],
  ['5 Advocacy', 'They recommend you to others, which brings new customers'],
];
const SECONDS_PER_STAGE = 3;

const browser = await launchChromium();
const page = await browser.newPage();
await page.setContent('<canvas width="640" height="360"></canvas>');
// Plain JavaScript run in the page (a string, so the TypeScript loader's helpers stay out of it).
const RECORD = `async ({ stages, seconds }) => {
  const canvas = document.querySelector('canvas');
  const context = canvas.getContext('2d');
  const draw = (index) => {
    const [title, line] = stages[index];
    context.fillStyle = '#f7f7f4';
    context.fillRect(0, 0, 640, 360);
    // The journey so far, as five dots along the bottom.
    for (let i = 1; i < stages.length; i++) {
      context.beginPath();
      context.arc(120 + (i - 1) * 100, 300, 14, 0, Math.PI * 2);
      context.fillStyle = i <= index ? '#1f5fa8' : '#dddcd3';
      context.fill();
    }
    context.fillStyle = '#1c1c1a';
    context.textAlign = 'center';
    context.font = 'bold 40px Arial, sans-serif';
    context.fillText(title, 320, 140);
    context.font = '22px Arial, sans-serif';
    context.fillStyle = '#55554f';
    context.fillText(line, 320, 190);
  };
  draw(0);
  const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 120_000 });
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((done) => (recorder.onstop = done));
  recorder.start();
  for (let index = 0; index < stages.length; index++) {
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      draw(index);
      await new Promise((next) => setTimeout(next, 100));
    }
  }
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}`;
const base64: string = await page.evaluate(`(${RECORD})(${JSON.stringify({ stages: STAGES, seconds: SECONDS_PER_STAGE })})`);
await browser.close();

const media = resolve(import.meta.dirname, '../content/customer-service/media');
writeFileSync(resolve(media, 'customer-journey.webm'), Buffer.from(base64, 'base64'));
const time = (s: number) => `00:${String(s).padStart(2, '0')}.000`;
const cues = STAGES.map(([title, line], i) => `${i + 1}\n${time(i * SECONDS_PER_STAGE)} --> ${time((i + 1) * SECONDS_PER_STAGE)}\n${title}: ${line}.\n`);
writeFileSync(resolve(media, 'customer-journey.vtt'), `WEBVTT\n\n${cues.join('\n')}`);
console.log(`customer-journey.webm: ${Buffer.from(base64, 'base64').length} bytes`);
