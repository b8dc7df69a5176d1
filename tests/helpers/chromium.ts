// The browser tests' Chromium: the launcher the scripts use too (scripts/lib/chromium.ts), so the
// bench and make-icons need nothing from tests/.
export { chromiumPath, launchChromium } from '../../scripts/lib/chromium.ts';
