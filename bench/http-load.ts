/**
 * An HTTP/1.1 keep-alive load generator that runs in a child process, so it neither shares the
 * server's event loop nor counts in the server process's CPU time. It speaks raw sockets (one
 * request at a time per connection, Content-Length bodies) because Node's http client costs more
 * CPU per request than the endpoints it is pointed at.
 *
 * Two modes:
 * - closed loop: every connection sends its next request as soon as the previous one is answered
 *   (maximum throughput; latency then is mostly queueing).
 * - open loop: request k of connection c is due at `start + c·period/connections + k·period`; it is
 *   sent then, or as soon as the connection is free if the server is behind, and its latency is
 *   measured from the due time, so a slow answer is charged to every request it delays
 *   (no coordinated omission).
 *
 * @example
 * ```ts
 * const result = await runHttpLoad({ port, method: 'GET', path: '/v1/availability?store=eu&sku=A',
 *   connections: 50, durationMs: 10_000, ratePerSecond: 5_000 });
 * result.latenciesMs; // sorted, from the due time
 * ```
 */
import { spawn } from 'node:child_process';

export interface HttpLoadOptions {
  port: number;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  connections: number;
  durationMs: number;
  /** Total requests per second across all connections; omit for a closed loop. */
  ratePerSecond?: number;
}

export interface HttpLoadResult {
  /** Sorted; open loop: from the due time; closed loop: from the send. */
  latenciesMs: number[];
  /** Sorted; from the moment each request was written (what the server alone adds, plus the wire). */
  serviceMs: number[];
  completed: number;
  errors: number;
  /** Requests sent after their due time because the connection was still busy (open loop). */
  late: number;
  seconds: number;
  /** The generator's own CPU time (user + system), ms. */
  generatorCpuMs: number;
}

const GENERATOR = String.raw`
const net = require('node:net');
const { port, method, path, body, connections, durationMs, ratePerSecond } = JSON.parse(process.argv[1]);
const head = method + ' ' + path + ' HTTP/1.1\r\nhost: 127.0.0.1:' + port + '\r\n' +
  (body === undefined ? '' : 'content-type: application/json\r\ncontent-length: ' + Buffer.byteLength(body) + '\r\n') + '\r\n';
const request = Buffer.from(head + (body ?? ''));
const period = ratePerSecond ? (connections * 1000) / ratePerSecond : 0;
const latencies = [];
const service = [];
let errors = 0;
let late = 0;
const cpu0 = process.cpuUsage();
const start = performance.now() + 50;
const end = start + durationMs;

function connection(index) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let k = 0;
    let due = 0;
    let sentAt = 0;
    let pending = null;
    const next = () => {
      due = period ? start + (index * period) / connections + k * period : performance.now();
      k += 1;
      if (due >= end) { socket.end(); return; }
      const wait = due - performance.now();
      if (wait > 0) setTimeout(send, wait);
      else { if (period) late += 1; send(); }
    };
    const send = () => { sentAt = performance.now(); if (!period) due = sentAt; socket.write(request); };
    socket.on('connect', next);
    socket.on('data', (chunk) => {
      pending = pending ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const headers = pending.subarray(0, headEnd).toString('latin1');
        const match = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
        const length = match ? Number(match[1]) : 0;
        if (pending.length < headEnd + 4 + length) return;
        const now = performance.now();
        if (headers.slice(9, 12) !== '200') errors += 1;
        // From the due time; from the send when a timer fired a little early (never negative).
        latencies.push(now - Math.min(due, sentAt));
        service.push(now - sentAt);
        pending = pending.length === headEnd + 4 + length ? null : pending.subarray(headEnd + 4 + length);
        next();
        if (!pending) return;
      }
    });
    socket.on('error', () => { errors += 1; resolve(); });
    socket.on('close', resolve);
  });
}

Promise.all(Array.from({ length: connections }, (_, i) => connection(i))).then(() => {
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ latencies, service, errors, late, seconds, generatorCpuMs: (cpu.user + cpu.system) / 1000 }));
});
`;

export function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', GENERATOR, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${String(code)}`));
      const raw = JSON.parse(out) as Omit<HttpLoadResult, 'latenciesMs' | 'serviceMs' | 'completed'> & {
        latencies: number[];
        service: number[];
      };
      const sorted = (values: number[]) => values.sort((a, b) => a - b);
      resolve({
        latenciesMs: sorted(raw.latencies),
        serviceMs: sorted(raw.service),
        completed: raw.latencies.length,
        errors: raw.errors,
        late: raw.late,
        seconds: raw.seconds,
        generatorCpuMs: raw.generatorCpuMs,
      });
    });
  });
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
