// Memory readings for the soak benchmark: the core (a Node process started with --inspect,
// spoken to over its inspector WebSocket) and the renderer (a Playwright CDP session). Every
// reading forces a full GC first. Heap snapshots are reduced to counts and sizes per
// constructor, so two of them can be diffed to name what grows.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

/** A minimal Chrome DevTools Protocol client over the Node inspector's WebSocket. */
export const connectInspector = (url) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1024 * 1024 * 1024 });
    let id = 0;
    const pending = new Map();
    const listeners = new Map();
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p?.resolve(msg.result);
      } else if (msg.method) {
        for (const fn of listeners.get(msg.method) ?? []) fn(msg.params);
      }
    });
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        send: (method, params = {}) =>
          new Promise((res, rej) => {
            const n = ++id;
            pending.set(n, { resolve: res, reject: rej, method });
            ws.send(JSON.stringify({ id: n, method, params }));
          }),
        on: (method, fn) => listeners.set(method, [...(listeners.get(method) ?? []), fn]),
        off: (method, fn) => listeners.set(method, (listeners.get(method) ?? []).filter((f) => f !== fn)),
        close: () => ws.close(),
      }),
    );
  });

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 100) / 100;

/** VmRSS and VmHWM of a process, in bytes (Linux). */
export const procStatus = (pid) => {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
};

/** The core after a forced GC: RSS from /proc, heap figures from process.memoryUsage(). */
export const readCore = async (inspector, pid) => {
  await inspector.send('HeapProfiler.collectGarbage');
  await inspector.send('HeapProfiler.collectGarbage');
  const r = await inspector.send('Runtime.evaluate', {
    expression:
      'JSON.stringify({ ...process.memoryUsage(), handles: process._getActiveHandles().length, requests: process._getActiveRequests().length })',
    returnByValue: true,
  });
  const m = JSON.parse(r.result.value);
  const { rss } = procStatus(pid);
  return { rssMb: mb(rss), heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), handles: m.handles, requests: m.requests };
};

/** The renderer after a forced GC: the JS heap (CDP), performance.memory, DOM counters. */
export const readRenderer = async (cdp, page) => {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  const precise = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null));
  return {
    heapUsedMb: mb(heap.usedSize),
    heapTotalMb: mb(heap.totalSize),
    performanceMemoryUsedMb: precise === null ? null : mb(precise),
    domNodes: dom.nodes ?? null,
    jsEventListeners: dom.jsEventListeners ?? null,
    documents: dom.documents ?? null,
  };
};

/**
 * Takes a heap snapshot over CDP (`send`/`on`/`off` of either client) and reduces it to
 * {"type:name": {count, size}}: objects by constructor, closures by function name, the rest
 * by node type.
 */
export const heapSnapshot = async ({ send, on, off }) => {
  await send('HeapProfiler.enable').catch(() => {});
  await send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = (p) => chunks.push(p.chunk);
  on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return JSON.parse(chunks.join(''));
};

export const heapCensus = async (cdp) => censusOf(await heapSnapshot(cdp));

export const censusOf = (snap) => {
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const census = {};
  const nodes = snap.nodes;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + iType]];
    const named = type === 'object' || type === 'closure' || type === 'native';
    const key = named ? `${type}:${snap.strings[nodes[i + iName]]}` : type;
    const c = (census[key] ??= { count: 0, size: 0 });
    c.count++;
    c.size += nodes[i + iSize];
  }
  return census;
};

/** What grew from census `a` to `b`, biggest first (by size, then count). */
export const censusDiff = (a, b, top = 20) =>
  Object.keys({ ...a, ...b })
    .map((key) => {
      const x = a[key] ?? { count: 0, size: 0 };
      const y = b[key] ?? { count: 0, size: 0 };
      return { key, countBefore: x.count, countAfter: y.count, countDelta: y.count - x.count, sizeDeltaKb: Math.round((y.size - x.size) / 102.4) / 10 };
    })
    .filter((d) => d.countDelta > 0 || d.sizeDeltaKb > 0)
    .sort((p, q) => q.sizeDeltaKb - p.sizeDeltaKb || q.countDelta - p.countDelta)
    .slice(0, top);

/** a Playwright CDPSession as the {send, on, off} heapCensus wants */
export const playwrightCdp = (session) => ({
  send: (m, p) => session.send(m, p),
  on: (m, fn) => session.on(m, fn),
  off: (m, fn) => session.off(m, fn),
});

/**
 * Objects in snapshot `b` that did not exist in `a` (heap snapshot ids are stable within one
 * inspector session) and survived GC, grouped by their shortest retaining path from the GC
 * roots (its last `depth` steps): who holds what grows.
 */
export const newObjectRetainers = (a, b, { depth = 6, top = 15, filter = null } = {}) => {
  const meta = b.snapshot.meta;
  const nf = meta.node_fields;
  const ef = meta.edge_fields;
  const nTypes = meta.node_types[0];
  const eTypes = meta.edge_types[0];
  const W = nf.length;
  const EW = ef.length;
  const iType = nf.indexOf('type');
  const iName = nf.indexOf('name');
  const iId = nf.indexOf('id');
  const iSize = nf.indexOf('self_size');
  const iEdges = nf.indexOf('edge_count');
  const eType = ef.indexOf('type');
  const eName = ef.indexOf('name_or_index');
  const eTo = ef.indexOf('to_node');
  const oldIds = new Set();
  for (let i = 0; i < a.nodes.length; i += a.snapshot.meta.node_fields.length) oldIds.add(a.nodes[i + a.snapshot.meta.node_fields.indexOf('id')]);
  const N = b.nodes.length / W;
  const firstEdge = new Uint32Array(N + 1);
  for (let n = 0, e = 0; n < N; n++) {
    firstEdge[n] = e;
    e += b.nodes[n * W + iEdges] * EW;
    firstEdge[n + 1] = e;
  }
  // BFS from the root over strong edges: each node's parent on a shortest retaining path
  const parent = new Int32Array(N).fill(-1);
  const parentEdge = new Int32Array(N).fill(-1);
  const seen = new Uint8Array(N);
  const queue = new Uint32Array(N);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  while (head < tail) {
    const n = queue[head++];
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += EW) {
      const t = eTypes[b.edges[e + eType]];
      if (t === 'weak' || t === 'shortcut') continue;
      const to = b.edges[e + eTo] / W;
      if (seen[to]) continue;
      seen[to] = 1;
      parent[to] = n;
      parentEdge[to] = e;
      queue[tail++] = to;
    }
  }
  const nodeName = (n) => {
    const t = nTypes[b.nodes[n * W + iType]];
    const name = b.strings[b.nodes[n * W + iName]];
    return t === 'object' || t === 'closure' || t === 'native' ? `${t === 'object' ? '' : t + ':'}${name.slice(0, 60)}` : t;
  };
  const edgeName = (e) => {
    const t = eTypes[b.edges[e + eType]];
    const v = b.edges[e + eName];
    // digits → # so that `x:17` and `x:18`, or two WeakMap entries, fall in one group
    return t === 'element' || t === 'hidden' ? `[${v}]` : `.${String(b.strings[v]).replace(/\d+/g, '#').slice(0, 48)}`;
  };
  const skip = new Set(['code', 'hidden', 'object shape', 'synthetic', 'number']);
  const internalHolders = new Set(['code', 'object shape']);
  const groups = new Map();
  let total = 0;
  for (let n = 0; n < N; n++) {
    if (oldIds.has(b.nodes[n * W + iId])) continue;
    if (skip.has(nTypes[b.nodes[n * W + iType]])) continue;
    if (!seen[n] || b.nodes[n * W + iSize] === 0) continue;
    if (filter && !filter(nodeName(n))) continue;
    // V8's own bookkeeping of compiled code (positions, feedback) is not the app's data
    let internal = false;
    for (let c = n; parent[c] > 0 && !internal; c = parent[c]) internal = internalHolders.has(nTypes[b.nodes[parent[c] * W + iType]]);
    if (internal) continue;
    total++;
    const path = [nodeName(n)];
    for (let c = n, k = 0; k < depth && parent[c] > 0; k++) {
      path.push(`${edgeName(parentEdge[c])} ← ${nodeName(parent[c])}`);
      c = parent[c];
    }
    const key = path.join(' ');
    const g = groups.get(key) ?? { path: key, count: 0, bytes: 0 };
    g.count++;
    g.bytes += b.nodes[n * W + iSize];
    groups.set(key, g);
  }
  return { newObjects: total, groups: [...groups.values()].sort((x, y) => y.count - x.count).slice(0, top) };
};

/**
 * xstate v5 memoises each state node's transition candidates per event type, in a module
 * WeakMap keyed by the StateNode (`memo(this, \`candidates-${eventType}\`)`). State nodes
 * belong to the machine definition and live as long as the page, so every distinct event
 * type ever sent adds an entry for good — including the done events of anonymous spawned
 * actors (`xstate.done.actor.x:<counter>`), unique per spawn. This counts those entries in
 * a snapshot, by event pattern (digits → #) and by state node id.
 */
export const xstateMemoCensus = (s) => {
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const et = s.snapshot.meta.edge_types[0];
  const W = nf.length;
  const EW = ef.length;
  const iId = nf.indexOf('id');
  const iEc = nf.indexOf('edge_count');
  const iName = nf.indexOf('name');
  const N = s.nodes.length / W;
  const first = new Uint32Array(N + 1);
  for (let n = 0, q = 0; n < N; n++) {
    first[n] = q;
    q += s.nodes[n * W + iEc] * EW;
    first[n + 1] = q;
  }
  const byId = new Map();
  for (let n = 0; n < N; n++) byId.set(s.nodes[n * W + iId], n);
  const edgeName = (q) => String(s.strings[s.edges[q + 1]] ?? '');
  const prop = (n, name) => {
    for (let q = first[n]; q < first[n + 1]; q += EW) if (et[s.edges[q]] === 'property' && edgeName(q) === name) return s.edges[q + 2] / W;
    return -1;
  };
  const byPattern = {};
  const anonymousByStateNode = {};
  let entries = 0;
  for (let n = 0; n < N; n++) {
    for (let q = first[n]; q < first[n + 1]; q += EW) {
      const m = /part of key \(.*? @(\d+)\) -> value \(.*? @(\d+)\)/.exec(edgeName(q));
      if (!m) continue;
      const val = byId.get(Number(m[2]));
      const key = byId.get(Number(m[1]));
      if (val === undefined || key === undefined) continue;
      let anonymous = 0;
      for (let r = first[val]; r < first[val + 1]; r += EW) {
        if (et[s.edges[r]] !== 'property') continue;
        const k = edgeName(r);
        if (!k.startsWith('candidates-')) continue;
        entries++;
        const pattern = k.replace(/\d+/g, '#');
        byPattern[pattern] = (byPattern[pattern] ?? 0) + 1;
        if (/^candidates-xstate\.(done|error)\.actor\.x:\d+$/.test(k)) anonymous++;
      }
      if (anonymous) {
        const idNode = prop(key, 'id');
        const id = idNode < 0 ? '?' : String(s.strings[s.nodes[idNode * W + iName]]);
        anonymousByStateNode[id] = (anonymousByStateNode[id] ?? 0) + anonymous;
      }
    }
  }
  const top = Object.fromEntries(Object.entries(byPattern).sort((a, b) => b[1] - a[1]).slice(0, 8));
  return { entries, anonymousDoneEntries: Object.values(anonymousByStateNode).reduce((a, b) => a + b, 0), byPattern: top, anonymousByStateNode };
};
