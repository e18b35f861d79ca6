// Opens the generated site in a real browser (Debian's chromium, driven by
// playwright-core), at a desktop and a phone width: checks the DOM, saves
// screenshots, and runs the axe-core accessibility audit inside each page,
// in the light and the dark colour scheme.
// Usage: node .ci/site-check.mjs SITE_DIR SCREENSHOT_DIR
// NODE_PATH must hold playwright-core and axe-core (.ci/run installs them).
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH ?? '.', 'x.js'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [site, shots] = process.argv.slice(2).map((p) => resolve(p));
mkdirSync(shots, { recursive: true });
const ledger = JSON.parse(readFileSync(join(site, 'ledger.json'), 'utf8'));

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};

// What each page must show, read from the DOM.
const pages = [
  {
    name: 'dashboard',
    path: 'index.html',
    maxPrintedPages: 10,
    check: async (page) => {
      const tiles = await page.$$eval('a.tile', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
      const total = tiles.find(([href]) => href === '#all');
      if (!total || !total[1].includes(String(ledger.totals.commitments))) {
        fail(`dashboard: the commitments tile does not say ${ledger.totals.commitments}`);
      }
      const entries = await page.$$eval('#all ul.entries > li', (lis) => lis.length);
      if (entries !== ledger.commitments.length) {
        fail(`dashboard: ${entries} entries in the list, ledger.json has ${ledger.commitments.length}`);
      }
      const timelineLinks = await page.$$eval('svg.timeline a', (as) => as.length);
      if (timelineLinks !== Math.min(300, ledger.commitments.length)) {
        fail(`dashboard: ${timelineLinks} timeline rows link to a page`);
      }
      const partyNumbers = await page.$$eval('p.counts', (ps) => ps.map((p) => p.textContent));
      if (partyNumbers.length === 0 || !partyNumbers.every((t) => /\d/.test(t))) {
        fail('dashboard: the progress bars have no numbers in words');
      }
    },
  },
  {
    name: 'commitment',
    path: 'commitments/chancay-harbor/index.html',
    maxPrintedPages: 3,
    check: async (page) => {
      const c = ledger.commitments.find((c) => c.id === 'chancay-harbor');
      const history = await page.$$eval('ol.history > li', (lis) => lis.map((li) => li.textContent));
      if (history.length < 2) fail('commitment: the history has fewer than 2 entries');
      if (!history.some((t) => t.includes('opened for business'))) {
        fail('commitment: the evidence that the port opened for business is not on its page');
      }
      const status = await page.$eval('header .status', (s) => s.textContent);
      if (status !== c.status.replace('_', ' ')) fail(`commitment: the status badge says ${status}, not ${c.status}`);
    },
  },
  {
    name: 'party',
    path: 'parties/pe/index.html',
    maxPrintedPages: 4,
    check: async (page) => {
      const expected = ledger.commitments.filter((c) => c.by.includes('pe')).length;
      const entries = await page.$$eval('ul.entries > li', (lis) => lis.length);
      if (entries !== expected) fail(`party: ${entries} entries, Peru made ${expected}`);
      const heading = await page.$eval('h1', (h) => h.textContent);
      if (!heading.startsWith('What ')) fail(`party: the heading is ${heading}`);
    },
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  const views = [
    { width: 1280, scheme: 'light' },
    { width: 390, scheme: 'light' },
    { width: 1280, scheme: 'dark' },
  ];
  for (const { width, scheme } of views) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const at = scheme === 'light' ? `${width}px` : `${width}px, ${scheme}`;
    const page = await context.newPage();
    const external = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      external.push(url);
      return route.abort();
    });
    for (const spec of pages) {
      const url = `file://${join(site, spec.path)}`;
      await page.goto(url);
      await spec.check(page);
      // Nothing wider than the screen, but the timeline's own scroller.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) fail(`${spec.name} at ${at}: the page is ${overflow}px wider than the screen`);
      const suffix = scheme === 'light' ? '' : `-${scheme}`;
      await page.screenshot({ path: join(shots, `${spec.name}-${width}${suffix}.png`), fullPage: true });
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of serious) {
        fail(`${spec.name} at ${at}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`);
      }
      let printed = '';
      if (width === 1280 && scheme === 'light') {
        // Printed on A4: a bounded number of pages (the report this replaces
        // ran to 18, one of them nearly blank).
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ path: join(shots, `${spec.name}.pdf`), format: 'A4' });
        await page.emulateMedia({ media: 'screen' });
        const count = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
        if (count < 1 || count > spec.maxPrintedPages) {
          fail(`${spec.name}: prints on ${count} A4 pages, more than ${spec.maxPrintedPages}`);
        }
        printed = `, prints on ${count} A4 pages`;
      }
      console.log(`${spec.name} at ${at}: DOM checked, axe: ${result.violations.length} violations, ${serious.length} serious or critical${printed}`);
    }
    if (external.length > 0) fail(`pages asked for external assets: ${external.join(', ')}`);
    await context.close();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} site check(s) failed`);
  process.exit(1);
}
console.log(`site checks passed; screenshots in ${shots}`);
