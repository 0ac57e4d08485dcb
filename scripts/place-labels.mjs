#!/usr/bin/env node
// Developer tool (not run in CI): moves the labels that scripts/render-models.mjs reports as overlapping or far away
// to the nearest free spot around what they name, and shows every exclusive gateway's marker. Only the label bounds
// and isMarkerVisible of the BPMN DI are rewritten, in place; run render-models.mjs afterwards and look at the PNGs.
// Usage: node scripts/place-labels.mjs processes/award-selection.bpmn [...]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const viewerJs = readFileSync(join(root, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const chromium = process.env.CHROMIUM || execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8' }).trim();

// In the page: for each label, its measured text box; then greedy placement of the labels in conflict.
function place() {
  const registry = window.viewer.get('elementRegistry');
  const all = registry.getAll();
  const isContainer = e => ['bpmn:Participant', 'bpmn:Lane'].includes(e.type)
    || (e.type === 'bpmn:SubProcess' && e.width > 200);
  const shapes = all.filter(e => !e.waypoints && e.type !== 'label' && e.parent && e.width && !isContainer(e));
  const flows = all.filter(e => e.waypoints && e.type !== 'label');
  const labels = all.filter(e => e.type === 'label').map(e => {
    const t = registry.getGraphics(e).querySelector('text');
    if (!t || !t.textContent.trim()) return null;
    const b = t.getBBox();
    return { el: e, owner: e.labelTarget, w: Math.ceil(b.width) + 4, h: Math.ceil(b.height) + 2,
      x: e.x + b.x - 2, y: e.y + b.y - 1, moved: false };
  }).filter(Boolean);
  const inter = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const seg = (p, q, r) => {
    let t0 = 0, t1 = 1; const dx = q.x - p.x, dy = q.y - p.y;
    for (const [pp, qq] of [[-dx, p.x - r.x], [dx, r.x + r.width - p.x], [-dy, p.y - r.y], [dy, r.y + r.height - p.y]]) {
      if (pp === 0) { if (qq < 0) return false; continue; }
      const t = qq / pp;
      if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return true;
  };
  const rect = l => ({ x: l.x, y: l.y, width: l.w, height: l.h });
  const conflicts = l => {
    const r = rect(l); let n = 0;
    for (const m of labels) if (m !== l && inter(r, rect(m))) n++;
    for (const s of shapes) if (s !== l.owner && inter(r, { x: s.x - 3, y: s.y - 3, width: s.width + 6, height: s.height + 6 })) n++;
    for (const f of flows) if (f !== l.owner && f.waypoints.some((p, i) => i > 0 && seg(f.waypoints[i - 1], p, { x: r.x - 3, y: r.y - 3, width: r.width + 6, height: r.height + 6 }))) n++;
    return n;
  };
  const candidates = l => {
    const o = l.owner; const out = [];
    if (o.waypoints) {
      const wp = o.waypoints;
      for (let i = 1; i < wp.length; i++) {
        const p = wp[i - 1], q = wp[i];
        for (const t of [0.5, 0.25, 0.75, 0.1, 0.9]) {
          const cx = p.x + (q.x - p.x) * t, cy = p.y + (q.y - p.y) * t;
          for (const [dx, dy] of [[0, -(l.h / 2 + 4)], [0, l.h / 2 + 4], [l.w / 2 + 6, 0], [-(l.w / 2 + 6), 0],
            [l.w / 2 + 6, -(l.h / 2 + 4)], [-(l.w / 2 + 6), -(l.h / 2 + 4)], [l.w / 2 + 6, l.h / 2 + 4], [-(l.w / 2 + 6), l.h / 2 + 4]]) {
            out.push({ x: cx + dx - l.w / 2, y: cy + dy - l.h / 2 });
          }
        }
      }
    } else {
      const cx = o.x + o.width / 2, cy = o.y + o.height / 2;
      for (const gap of [6, 16, 28]) {
        out.push({ x: cx - l.w / 2, y: o.y + o.height + gap });           // below
        out.push({ x: cx - l.w / 2, y: o.y - gap - l.h });                // above
        out.push({ x: o.x + o.width + gap, y: cy - l.h / 2 });            // right
        out.push({ x: o.x - gap - l.w, y: cy - l.h / 2 });                // left
        out.push({ x: o.x + o.width + gap - 4, y: o.y + o.height + gap - 4 }); // below right
        out.push({ x: o.x - l.w - gap + 4, y: o.y + o.height + gap - 4 });     // below left
        out.push({ x: o.x + o.width + gap - 4, y: o.y - l.h - gap + 4 });      // above right
        out.push({ x: o.x - l.w - gap + 4, y: o.y - l.h - gap + 4 });          // above left
      }
    }
    return out;
  };
  const far = l => {
    const cx = l.x + l.w / 2, cy = l.y + l.h / 2, o = l.owner;
    if (o.waypoints) return false;
    return Math.hypot(Math.max(o.x - cx, 0, cx - o.x - o.width), Math.max(o.y - cy, 0, cy - o.y - o.height)) > 60;
  };
  for (let pass = 0; pass < 3; pass++) {
    for (const l of labels) {
      if (conflicts(l) === 0 && !far(l)) continue;
      let best = null, bestN = Infinity;
      for (const c of candidates(l)) {
        const old = { x: l.x, y: l.y }; l.x = Math.round(c.x); l.y = Math.round(c.y);
        const n = conflicts(l); if (n < bestN) { bestN = n; best = { x: l.x, y: l.y }; }
        l.x = old.x; l.y = old.y;
        if (n === 0) break;
      }
      if (best) { l.x = best.x; l.y = best.y; l.moved = true; }
    }
  }
  return labels.filter(l => l.moved).map(l => ({ id: l.owner.id, x: l.x, y: l.y, w: l.w, h: l.h }));
}

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const file of process.argv.slice(2)) {
    let xml = readFileSync(file, 'utf8');
    // every exclusive gateway shows its X
    const gateways = [...xml.matchAll(/<bpmn:exclusiveGateway id="([^"]+)"/g)].map(m => m[1]);
    for (const id of gateways) {
      xml = xml.replace(new RegExp(`(<bpmndi:BPMNShape [^>]*bpmnElement="${id}")(?![^>]*isMarkerVisible)`), '$1 isMarkerVisible="true"');
    }
    const page = await browser.newPage();
    await page.setViewport({ width: 2400, height: 1400 });
    await page.setContent('<html><head><meta charset="utf-8"></head><body><div id="c" style="width:2400px;height:1400px"></div></body></html>');
    await page.addScriptTag({ content: viewerJs });
    await page.evaluate(async (x) => { window.viewer = new BpmnJS({ container: '#c' }); await window.viewer.importXML(x); }, xml);
    const moves = await page.evaluate(place);
    for (const m of moves) {
      const bounds = `<dc:Bounds x="${m.x}" y="${m.y}" width="${m.w}" height="${m.h}" />`;
      const owner = new RegExp(`(<bpmndi:BPMN(?:Shape|Edge) [^>]*bpmnElement="${m.id}"[^>]*>)([\\s\\S]*?)(</bpmndi:BPMN(?:Shape|Edge)>)`);
      xml = xml.replace(owner, (all, open, body, close) => {
        if (/<bpmndi:BPMNLabel[\s\S]*?<\/bpmndi:BPMNLabel>/.test(body)) {
          body = body.replace(/<bpmndi:BPMNLabel[\s\S]*?<\/bpmndi:BPMNLabel>/, `<bpmndi:BPMNLabel>${bounds}</bpmndi:BPMNLabel>`);
        } else {
          body = body + `<bpmndi:BPMNLabel>${bounds}</bpmndi:BPMNLabel>`;
        }
        return open + body + close;
      });
    }
    writeFileSync(file, xml);
    console.log(`${file}: ${gateways.length} gateway marker(s) shown, ${moves.length} label(s) moved`);
    await page.close();
  }
} finally {
  await browser.close();
}
