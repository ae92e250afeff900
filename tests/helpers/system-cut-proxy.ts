import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

// A TCP proxy in front of the city simulator that cuts connections after a (seeded) random
// number of request bytes: the bytes before the cut reach the simulator, then it sees the
// connection end and the kiosk sees a reset, as when a link dies in the middle of an upload.
// The simulator's own `reset` fault drops a request before reading it; this cuts inside bodies.

export interface CutProxy {
  port: number;
  /** connections cut, and those cut while the last request line sent on them was a tus PATCH */
  stats: { connections: number; cuts: number; cutsInPatch: number };
  close(): Promise<void>;
}

export async function startCutProxy(target: { host: string; port: number }, opts: { rng: () => number; cutRate: number; minBytes: number; maxBytes: number }): Promise<CutProxy> {
  const stats = { connections: 0, cuts: 0, cutsInPatch: 0 };
  const sockets = new Set<Socket>();
  const track = (s: Socket): Socket => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    // a reset on one side is the point of this proxy, not an error of the test
    s.on('error', () => undefined);
    return s;
  };

  const server = createServer((client) => {
    track(client);
    stats.connections++;
    const budget = opts.rng() < opts.cutRate ? opts.minBytes + Math.floor(opts.rng() * (opts.maxBytes - opts.minBytes)) : Infinity;
    let forwarded = 0;
    let lastRequest = '';
    let cut = false;
    const upstream = track(createConnection(target));
    upstream.on('data', (d: Buffer) => {
      if (!cut) client.write(d);
    });
    upstream.on('close', () => client.destroy());
    client.on('close', () => {
      if (!cut) upstream.destroy();
    });
    client.on('data', (d: Buffer) => {
      if (cut) return;
      // request lines arrive at the start of a chunk in practice; random body bytes never spell one
      const m = /(PATCH|POST|HEAD|GET) \/v1\/\S*/.exec(d.subarray(0, 512).toString('latin1'));
      if (m) lastRequest = m[0];
      if (forwarded + d.length < budget) {
        forwarded += d.length;
        upstream.write(d);
        return;
      }
      cut = true;
      stats.cuts++;
      if (lastRequest.startsWith('PATCH /v1/uploads/')) stats.cutsInPatch++;
      // what made it through is delivered and the simulator sees the body end early (FIN);
      // the kiosk sees the connection reset
      upstream.end(d.subarray(0, budget - forwarded));
      client.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stats,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
