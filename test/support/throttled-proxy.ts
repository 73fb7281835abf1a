// A TCP proxy on 127.0.0.1 that can slow the answers down and records the head of every request: lets a test catch a download half-way and see how it resumes.

import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ThrottledProxy {
  url: string;
  /** bytes per second from the target to the client; Infinity for full speed */
  setRate(bytesPerSecond: number): void;
  /** the first line and headers of each request seen so far, lower-cased */
  requestHeads(): string[];
  close(): Promise<void>;
}

const SLICE = 16 * 1024;

export async function startThrottledProxy(target: string): Promise<ThrottledProxy> {
  const { hostname, port } = new URL(target);
  let rate = Infinity;
  const heads: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(client);
    sockets.add(upstream);
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (/^[A-Z]+ \S+ HTTP\/1\.1\r\n/.test(text) && end !== -1) heads.push(text.slice(0, end).toLowerCase());
      upstream.write(chunk);
    });
    // Answers go through one slice at a time, paced to the current rate.
    upstream.on('data', (chunk: Buffer) => {
      upstream.pause();
      void (async () => {
        for (let at = 0; at < chunk.length; at += SLICE) {
          const slice = chunk.subarray(at, at + SLICE);
          if (Number.isFinite(rate)) await sleep((slice.length / rate) * 1000);
          if (client.destroyed) return;
          client.write(slice);
        }
        upstream.resume();
      })();
    });
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    setRate: (bytesPerSecond) => {
      rate = bytesPerSecond;
    },
    requestHeads: () => [...heads],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
