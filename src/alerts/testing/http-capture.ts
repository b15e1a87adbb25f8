/** Test support: an HTTP server on 127.0.0.1 that records requests and answers from a script. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  /** path and raw (still percent-encoded) query */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

export interface Reply {
  readonly status: number;
  readonly body: string;
  /** hold the reply this long (to test that slow channels don't block others) */
  readonly delayMs?: number;
}

export interface CaptureServer {
  readonly base: string;
  readonly requests: CapturedRequest[];
  close(): Promise<void>;
}

/** `replies` is consumed in order; the last one repeats. */
export async function startCaptureServer(replies: readonly Reply[] | ((req: CapturedRequest) => Reply)): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      requests.push(captured);
      const reply = typeof replies === 'function' ? replies(captured) : replies[Math.min(requests.length - 1, replies.length - 1)]!;
      setTimeout(() => {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
