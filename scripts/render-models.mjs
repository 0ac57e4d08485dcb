#!/usr/bin/env node
// Renders every processes/*.bpmn the way Cockpit draws it (bpmn-js in headless Chromium) to target/models/<name>.png
// and fails when a model is hard to read: a label over another label, a shape or a flow; a label far from what it
// names; a flow through a task it does not connect; an exclusive gateway without its marker.
// Usage: node scripts/render-models.mjs [file.bpmn ...]   (CHROMIUM=/path/to/chromium to pick the browser)
import { readFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2).length ? process.argv.slice(2)
  : readdirSync(join(root, 'processes')).filter(f => f.endsWith('.bpmn')).map(f => join(root, 'processes', f));
const outDir = join(root, 'target', 'models');
mkdirSync(outDir, { recursive: true });

function browserPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try { return execSync(`command -v ${name}`, { encoding: 'utf8' }).trim(); } catch { /* next */ }
  }
  throw new Error('No Chromium found: install chromium or set CHROMIUM');
}

const viewerJs = readFileSync(join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map(f => join(root, 'node_modules/bpmn-js/dist/assets', f)).filter(existsSync)
  .map(f => readFileSync(f, 'utf8')).join('\n');

// Runs in the page: the diagram's geometry as drawn, and every readability problem found in it.
function inspect() {
  const viewer = window.viewer;
  const registry = viewer.get('elementRegistry');
  const all = registry.getAll();
  const box = (x, y, width, height, owner) => ({ x, y, width, height, owner });
  const inter = (a, b, pad = 1) => a.x + pad < b.x + b.width && b.x + pad < a.x + a.width
    && a.y + pad < b.y + b.height && b.y + pad < a.y + a.height;
  const name = e => (e.businessObject && (e.businessObject.name || e.businessObject.id)) || e.id;
  const isContainer = e => ['bpmn:Participant', 'bpmn:Lane'].includes(e.type)
    || (e.type === 'bpmn:SubProcess' && e.di && e.di.isExpanded !== false && e.width > 200);

  const labels = [];
  for (const e of all) {
    if (e.type !== 'label' || e.hidden) continue;
    const gfx = registry.getGraphics(e);
    const text = gfx && gfx.querySelector('text');
    if (!text || !text.textContent.trim()) continue;
    const b = text.getBBox();
    labels.push({ ...box(e.x + b.x, e.y + b.y, b.width, b.height, e.labelTarget), text: text.textContent.trim() });
  }
  const shapes = all.filter(e => e.waypoints === undefined && e.type !== 'label' && e.parent && e.width
    && !isContainer(e) && e.type !== 'bpmn:TextAnnotation');
  const flows = all.filter(e => e.waypoints && e.type !== 'label');
  const problems = [];

  const segHitsBox = (p, q, r) => {
    // Liang-Barsky clip of segment p-q against rectangle r shrunk by 2 px
    const x0 = r.x + 2, y0 = r.y + 2, x1 = r.x + r.width - 2, y1 = r.y + r.height - 2;
    let t0 = 0, t1 = 1; const dx = q.x - p.x, dy = q.y - p.y;
    for (const [pp, qq] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
      if (pp === 0) { if (qq < 0) return false; continue; }
      const t = qq / pp;
      if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return true;
  };
  const flowHitsBox = (f, r) => f.waypoints.some((p, i) => i > 0 && segHitsBox(f.waypoints[i - 1], p, r));
  const distToBox = (px, py, r) => Math.hypot(Math.max(r.x - px, 0, px - (r.x + r.width)),
    Math.max(r.y - py, 0, py - (r.y + r.height)));
  const distToFlow = (px, py, f) => Math.min(...f.waypoints.slice(1).map((q, i) => {
    const p = f.waypoints[i]; const dx = q.x - p.x, dy = q.y - p.y; const l2 = dx * dx + dy * dy;
    const t = l2 ? Math.max(0, Math.min(1, ((px - p.x) * dx + (py - p.y) * dy) / l2)) : 0;
    return Math.hypot(px - (p.x + t * dx), py - (p.y + t * dy));
  }));

  labels.forEach((l, i) => {
    labels.slice(i + 1).forEach(m => {
      if (inter(l, m)) problems.push(`label 「${l.text}」 overlaps label 「${m.text}」`);
    });
    shapes.forEach(s => {
      if (s !== l.owner && inter(l, box(s.x, s.y, s.width, s.height))) {
        problems.push(`label 「${l.text}」 (${name(l.owner)}) overlaps ${s.type.replace('bpmn:', '')} 「${name(s)}」`);
      }
    });
    flows.forEach(f => {
      if (f !== l.owner && flowHitsBox(f, l)) problems.push(`label 「${l.text}」 (${name(l.owner)}) is crossed by flow ${f.id}`);
    });
    const cx = l.x + l.width / 2, cy = l.y + l.height / 2;
    if (l.owner && l.owner.waypoints) {
      const d = distToFlow(cx, cy, l.owner);
      if (d > 60) problems.push(`label 「${l.text}」 is ${Math.round(d)} px from its flow ${l.owner.id}`);
    } else if (l.owner) {
      const d = distToBox(cx, cy, l.owner);
      if (d > 60) problems.push(`label 「${l.text}」 is ${Math.round(d)} px from ${name(l.owner)}`);
    }
  });
  flows.forEach(f => shapes.forEach(s => {
    if (s === f.source || s === f.target || s.host === f.source || s === (f.source && f.source.host)) return;
    if (s.type === 'bpmn:BoundaryEvent' && (s.host === f.target)) return;
    if (flowHitsBox(f, box(s.x, s.y, s.width, s.height))) {
      problems.push(`flow ${f.id} (${name(f.source)} → ${name(f.target)}) runs through ${s.type.replace('bpmn:', '')} 「${name(s)}」`);
    }
  }));
  all.filter(e => e.type === 'bpmn:ExclusiveGateway' && e.di && e.di.isMarkerVisible !== true)
    .forEach(g => problems.push(`exclusive gateway 「${name(g)}」 (${g.id}) is drawn without its marker`));
  const vb = viewer.get('canvas').viewbox();
  return { problems, inner: vb.inner };
}

const browser = await puppeteer.launch({ executablePath: browserPath(), headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
let failed = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.setViewport({ width: 2400, height: 1400, deviceScaleFactor: 1 });
    await page.setContent(`<html><head><meta charset="utf-8"><style>${css} html,body,#c{margin:0;width:100%;height:100%;background:#fff}</style></head><body><div id="c"></div></body></html>`);
    await page.addScriptTag({ content: viewerJs });
    const xml = readFileSync(file, 'utf8');
    const result = await page.evaluate(async (xml) => {
      window.viewer = new BpmnJS({ container: '#c' });
      try { await window.viewer.importXML(xml); } catch (e) { return { error: String(e) }; }
      return null;
    }, xml);
    if (result && result.error) { console.error(`${basename(file)}: cannot render: ${result.error}`); failed++; continue; }
    const inner = await page.evaluate(() => window.viewer.get('canvas').viewbox().inner);
    const width = Math.ceil(inner.width + 80), height = Math.ceil(inner.height + 80);
    await page.setViewport({ width: Math.max(width, 400), height: Math.max(height, 300), deviceScaleFactor: 1 });
    await page.evaluate((x, y, w, h) => window.viewer.get('canvas').viewbox({ x, y, width: w, height: h }),
      inner.x - 40, inner.y - 40, Math.max(width, 400), Math.max(height, 300));
    const png = join(outDir, basename(file).replace(/\.bpmn$/, '.png'));
    await page.screenshot({ path: png });
    const { problems } = await page.evaluate(inspect);
    if (problems.length) {
      failed++;
      console.error(`${basename(file)}: ${problems.length} readability problem(s) (${png})`);
      problems.forEach(p => console.error(`  - ${p}`));
    } else {
      console.log(`${basename(file)}: clean (${png})`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
