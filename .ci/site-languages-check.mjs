// Opens a site written in three languages (the root's, es/ and zh-Hans/)
// in a real browser (Debian's chromium, driven by playwright-core): the
// dashboard, a commitment's page and, in a workspace's site, the
// workspace's dashboard in each language, at 1280 px and at
// 390 px (a phone), checked for the language they are marked with, their
// language switch, sideways scroll, CJK glyphs that render (a CJK font is
// installed: not boxes), and the axe-core audit (0 serious or critical).
// Screenshots go to SCREENSHOT_DIR.
// Usage: node .ci/site-languages-check.mjs SITE_DIR SCREENSHOT_DIR COMMITMENT_ID
// NODE_PATH must hold playwright-core and axe-core (.ci/run installs them).
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH ?? '.', 'x.js'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [site, shots] = process.argv.slice(2, 4).map((p) => resolve(p));
const commitment = process.argv[4];
mkdirSync(shots, { recursive: true });

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};

const languages = [
  { tag: 'en', folder: '' },
  { tag: 'es', folder: 'es/' },
  { tag: 'zh-Hans', folder: 'zh-Hans/' },
];
const pages = [
  { name: 'dashboard', path: 'index.html' },
  { name: 'commitment', path: `commitments/${commitment}/index.html` },
];
// In a workspace's site, its dashboard too, one folder up.
if (existsSync(join(site, '..', 'workspace.json'))) {
  pages.push({ name: 'workspace', path: 'index.html', base: join(site, '..') });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const { tag, folder } of languages) {
      for (const spec of pages) {
        const base = spec.base ?? site;
        const at = `${spec.name}: ${folder}${spec.path} at ${width}px`;
        await page.goto(`file://${join(base, folder, spec.path)}`);
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== tag) fail(`${at}: marked lang="${lang}", not ${tag}`);
        // The switch leads to the same page in each other language, and
        // that page exists.
        const switches = await page.$$eval('nav.languages a', (as) => as.map((a) => [a.lang, a.href]));
        const others = languages.filter((l) => l.tag !== tag);
        for (const other of others) {
          const link = switches.find(([l]) => l === other.tag);
          const expected = `file://${join(base, other.folder, spec.path)}`;
          if (!link || link[1] !== expected) fail(`${at}: the switch to ${other.tag} leads to ${link?.[1]}, not ${expected}`);
        }
        const current = await page.$$eval('nav.languages [aria-current]', (s) => s.map((e) => e.lang));
        if (current.length !== 1 || current[0] !== tag) fail(`${at}: the current language is ${JSON.stringify(current)}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) fail(`${at}: the page is ${overflow}px wider than the screen`);
        if (tag === 'zh-Hans') {
          // A missing glyph is drawn as the same box for every character:
          // two different characters drawn alike mean no CJK font.
          const rendered = await page.evaluate(() => {
            const draw = (text) => {
              const canvas = document.createElement('canvas');
              canvas.width = 64;
              canvas.height = 64;
              const ctx = canvas.getContext('2d');
              ctx.font = `40px ${getComputedStyle(document.body).fontFamily}`;
              ctx.fillText(text, 4, 48);
              return canvas.toDataURL();
            };
            return draw('兑') !== draw('跳') && draw('兑') !== draw('');
          });
          if (!rendered) fail(`${at}: Chinese characters do not render (no CJK font)`);
        }
        await page.screenshot({ path: join(shots, `${tag}-${spec.name}-${width}.png`), fullPage: true });
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        for (const v of serious) {
          fail(`${at}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`);
        }
        console.log(`${at}: lang ${lang}, switch checked, axe: ${result.violations.length} violations, ${serious.length} serious or critical`);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} check(s) of the site's languages failed`);
  process.exit(1);
}
console.log(`the site in every language passed; screenshots in ${shots}`);
