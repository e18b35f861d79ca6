// Opens the generated site in a real browser (Debian's chromium, driven by
// playwright-core), at a desktop and a phone width: checks the DOM, saves
// screenshots, and runs the axe-core accessibility audit inside each page,
// in the light and the dark colour scheme.
// Usage: node .ci/site-check.mjs SITE_DIR SCREENSHOT_DIR [REPORT_HTML]
// SITE_DIR is one ledger's site; when it is a folder of a workspace's site
// (a workspace.json one level up), the workspace's dashboard is checked too.
// Readers' pages must show no rule code, line number or backtick; every
// page, the HTML report too, no text smaller than 11 px and nothing wider
// than the screen.
// NODE_PATH must hold playwright-core and axe-core (.ci/run installs them).
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH ?? '.', 'x.js'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [site, shots, reportHtml] = process.argv.slice(2).map((p) => resolve(p));
mkdirSync(shots, { recursive: true });
const ledger = JSON.parse(readFileSync(join(site, 'ledger.json'), 'utf8'));

const workspacePath = join(site, '..', 'workspace.json');
const workspace = existsSync(workspacePath) ? JSON.parse(readFileSync(workspacePath, 'utf8')) : null;

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
    name: 'status',
    path: 'status/announced/index.html',
    maxPrintedPages: 6,
    check: async (page) => {
      const expected = ledger.totals.by_status.find((c) => c.key === 'announced').count;
      const entries = await page.$$eval('ul.entries > li', (lis) => lis.length);
      if (entries !== expected) fail(`status: ${entries} entries, ledger.json counts ${expected} announced`);
      const active = await page.$$eval('nav.filters a[aria-current="page"]', (as) => as.map((a) => a.textContent));
      if (active.length !== 1 || !active[0].startsWith('announced')) fail(`status: the active filter is ${JSON.stringify(active)}`);
    },
  },
  {
    name: 'source',
    path: 'sources/xinhua-2024-06-28/index.html',
    maxPrintedPages: 6,
    check: async (page) => {
      const text = await page.$eval('article.source-text', (a) => a.textContent);
      const quote = ledger.commitments.find((c) => c.id === 'chancay-harbor').quote;
      if (!text.includes(quote)) fail('source: the page does not hold the quote of chancay-harbor');
    },
  },
  {
    name: 'follow',
    path: 'follow/index.html',
    maxPrintedPages: 1,
    check: async (page) => {
      const href = await page.$eval('a[type="application/atom+xml"]', (a) => a.href);
      if (!href.endsWith('/feed.xml')) fail(`follow: the feed link is ${href}`);
    },
  },
  {
    name: 'checks',
    path: 'checks/index.html',
    maintainers: true,
    maxPrintedPages: 10,
    check: async (page) => {
      const items = await page.$$eval('main li[class^="finding-"]', (lis) => lis.length);
      if (items !== ledger.findings.length) fail(`checks: ${items} findings listed, ledger.json has ${ledger.findings.length}`);
    },
  },
  {
    name: 'rule',
    path: 'rules/stale/index.html',
    maintainers: true,
    maxPrintedPages: 3,
    check: async (page) => {
      const doc = await page.$eval('div.doc', (d) => d.innerText);
      if (doc.includes('##') || doc.includes('```')) fail('rule: the rule page shows Markdown syntax');
    },
  },
  {
    name: 'card',
    path: 'commitments/chancay-harbor/card.html',
    maxPrintedPages: 1,
    check: async (page) => {
      const title = await page.$eval('h1', (h) => h.textContent);
      if (title !== 'Complete Chancay Harbor on schedule') fail(`card: the title is ${title}`);
      const scripts = await page.$$eval('script', (s) => s.length);
      if (scripts > 0) fail('card: it has a script');
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
      if (heading !== 'Republic of Peru: what it committed to') fail(`party: the heading is ${heading}`);
    },
  },
];
if (workspace) {
  pages.push({
    name: 'workspace',
    url: `file://${join(site, '..', 'index.html')}`,
    maxPrintedPages: 6,
    check: async (page) => {
      const links = await page.$$eval('div.ledger h3 a', (as) => as.map((a) => a.getAttribute('href')));
      const expected = workspace.ledgers.map((l) => `${l.folder}index.html`);
      if (JSON.stringify(links) !== JSON.stringify(expected)) {
        fail(`workspace: the dashboard links ${JSON.stringify(links)}, workspace.json lists ${JSON.stringify(expected)}`);
      }
      const text = await page.evaluate(() => document.body.innerText);
      if (!text.includes(`${workspace.totals.commitments} commitments`)) {
        fail(`workspace: the dashboard does not say ${workspace.totals.commitments} commitments`);
      }
    },
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--no-first-run'],
});
try {
  // The card is embedded in a newsroom's column: at 320 px it must not scroll.
  {
    const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
    const page = await context.newPage();
    await page.goto(`file://${join(site, 'commitments/chancay-harbor/card.html')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) fail(`card at 320px: ${overflow}px wider than the frame`);
    await page.screenshot({ path: join(shots, 'card-320.png'), fullPage: true });
    console.log(`card at 320px: ${overflow > 0 ? overflow + 'px too wide' : 'no sideways scroll'}`);
    await context.close();
  }
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
    const specs = reportHtml ? [...pages, { name: 'report', url: `file://${reportHtml}`, maintainers: true, maxPrintedPages: 20, check: async () => {} }] : pages;
    for (const spec of specs) {
      const url = spec.url ?? `file://${join(site, spec.path)}`;
      await page.goto(url);
      await spec.check(page);
      if (!spec.maintainers) {
        // What a reader sees: no checker internals, no Markdown.
        const text = await page.evaluate(() => document.body.innerText);
        const internals = text.match(/\bC0\d\d\b|`|\bline \d+/);
        if (internals) fail(`${spec.name} at ${at}: a reader's page shows ${JSON.stringify(internals[0])}`);
      }
      // Every label legible: rendered text at least 11 px (SVG text as drawn).
      const small = await page.evaluate(() => {
        const found = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent.trim()) continue;
          const el = node.parentElement;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          const style = getComputedStyle(el);
          if (style.visibility === 'hidden') continue;
          let size = parseFloat(style.fontSize);
          const svg = el.closest('svg');
          if (svg) size *= svg.getScreenCTM()?.a ?? 1;
          if (size < 11) found.push(`${node.textContent.trim().slice(0, 30)} (${size.toFixed(1)}px)`);
        }
        return found;
      });
      if (small.length > 0) fail(`${spec.name} at ${at}: ${small.length} labels under 11 px, e.g. ${small.slice(0, 3).join('; ')}`);
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
