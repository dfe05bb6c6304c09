#!/usr/bin/env node
// End-to-end test of report.html in headless Debian Chromium, network off.
//   node report_e2e.js NODE_MODULES CHRONOGRAPH OUT_DIR INPUT...
// Runs `chronograph build INPUT... --out OUT_DIR`, opens OUT_DIR/report.html
// from file:// (every request that is not file: or data: is aborted and
// fails the test; DNS is mapped to nothing), and checks that the timeline
// draws one item per data item, that the graph draws one node per data
// node, that clicking a node shows its timeline, that the table filters,
// that text from the corpus ("</script>", "<!--") did not break the page, and
// that no JavaScript error happened. Saves OUT_DIR/report.png.
// Exit codes: 0 pass, 1 fail, 77 skipped (no /usr/bin/chromium).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { pathToFileURL } = require('url');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const [nodeModules, chronograph, outDir, ...inputs] = process.argv.slice(2);
if (!outDir || inputs.length === 0) {
  console.error('usage: report_e2e.js NODE_MODULES CHRONOGRAPH OUT_DIR INPUT...');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} not found (scripts/setup.sh installs the chromium package)`);
  process.exit(77);
}
const { chromium } = require(path.resolve(nodeModules, 'playwright-core'));

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${message}`);
}

(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  execFileSync(chronograph, ['build', ...inputs, '--out', outDir, '--quiet'], { stdio: 'inherit' });
  const report = path.join(outDir, 'report.html');

  const userDataDir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'chronograph-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  try {
    const errors = [];
    const network = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      network.push(url);
      return route.abort();
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });

    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.chronographReport !== undefined, null, { timeout: 20000 });
    await page.waitForFunction(() => window.chronographReport.isStable(), null, { timeout: 30000 })
      .catch(() => errors.push('graph layout did not stabilize within 30 s'));
    await page.waitForTimeout(300);  // the timeline redraws once after layout

    const data = await page.evaluate(() => {
      const d = window.chronographReport.data;
      return { items: d.items.length, nodes: d.graph.nodes.length, edges: d.graph.edges.length,
               entities: d.entities.length, texts: d.items.map((i) => i.text) };
    });
    check(data.items > 0 && data.nodes > 0, `data: ${data.items} items, ${data.nodes} graph nodes, ${data.entities} entities`);

    check(await page.locator('#timeline .vis-timeline').count() === 1, 'timeline is drawn');
    const visible = await page.locator('#timeline .vis-item .vis-item-content').count();
    // vis-timeline draws only the groups inside its scroll area: let it
    // grow to show all of them, count, and put it back.
    await page.evaluate(() => window.chronographReport.timeline.setOptions({ maxHeight: 100000 }));
    await page.waitForTimeout(300);
    const drawnItems = await page.locator('#timeline .vis-item .vis-item-content').count();
    await page.evaluate(() => window.chronographReport.timeline.setOptions({ maxHeight: 420 }));
    await page.waitForTimeout(300);
    check(drawnItems === data.items, `timeline draws every item (${drawnItems} of ${data.items}; ${visible} in the first view)`);

    const graph = await page.evaluate(() => {
      const net = window.chronographReport.network;
      const canvas = document.querySelector('#graph canvas');
      if (!canvas) return null;
      const ctx = canvas.getContext('2d');
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0) ++inked;
      return { nodes: net.body.data.nodes.length, edges: net.body.data.edges.length,
               positions: Object.keys(net.getPositions()).length, width: canvas.width, height: canvas.height, inked };
    });
    check(graph !== null, 'graph canvas exists');
    if (graph) {
      check(graph.nodes === data.nodes && graph.positions === data.nodes,
            `graph draws every node (${graph.positions} placed, ${graph.nodes} of ${data.nodes})`);
      check(graph.edges === data.edges, `graph has every edge (${graph.edges} of ${data.edges})`);
      check(graph.width > 100 && graph.height > 100 && graph.inked > 1000,
            `graph canvas is painted (${graph.width}x${graph.height}, ${graph.inked} inked pixels)`);
    }

    // Click the most mentioned node: the panel shows its timeline.
    // (the first of the most mentioned whose centre no other node covers)
    const target = await page.evaluate(() => {
      const { data: d, network: net } = window.chronographReport;
      document.querySelector('#graph').scrollIntoView({ block: 'center' });
      const box = document.querySelector('#graph canvas').getBoundingClientRect();
      const ranked = [...d.graph.nodes].sort((a, b) => d.entities[b].mentions - d.entities[a].mentions);
      for (const node of ranked) {
        const dom = net.canvasToDOM(net.getPosition(node));
        if (net.getNodeAt(dom) !== node) continue;
        return { label: d.entities[node].label, events: d.entities[node].items.length, x: box.left + dom.x, y: box.top + dom.y };
      }
      return null;
    });
    check(target !== null, 'a node can be clicked');
    await page.mouse.click(target.x, target.y);
    await page.waitForTimeout(200);
    const panelTitle = await page.locator('#details-title').textContent();
    const panelEvents = await page.locator('#details-body .event').count();
    check(panelTitle === target.label && panelEvents === target.events,
          `clicking "${target.label}" shows its ${target.events} events (panel: "${panelTitle}", ${panelEvents})`);

    // The table filters as one types.
    const allRows = await page.locator('#entities tbody tr').count();
    await page.fill('#search', target.label.toLowerCase());
    const shownRows = await page.locator('#entities tbody tr:not([hidden])').count();
    check(allRows === data.entities && shownRows >= 1 && shownRows < allRows,
          `table lists ${allRows} entities, search "${target.label.toLowerCase()}" keeps ${shownRows}`);
    await page.fill('#search', '');

    // Corpus text cannot end the data block or run as script.
    const injected = await page.evaluate(() => window.injected);
    const tricky = data.texts.some((t) => t.includes('</script><script>') && t.includes('<!'));
    check(injected === undefined, 'markup inside the corpus text did not run');
    check(inputs.every((i) => !i.includes('report_injection')) || tricky,
          'a sentence holding "</script><script>" and "<!" survives intact in the data');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(outDir, 'report.png'), fullPage: true });
    console.log(`screenshot: ${path.join(outDir, 'report.png')}`);

    check(network.length === 0, `no network requests${network.length ? ': ' + network.join(', ') : ''}`);
    check(errors.length === 0, `no JavaScript errors${errors.length ? ': ' + errors.join(' | ') : ''}`);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.exit(failures.length === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
