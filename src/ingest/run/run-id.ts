import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** r20260301-101500-3f2a9c: sortable by start time, unique by the random tail. */
export function newRunId(now: Date): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r${t}-${randomBytes(3).toString('hex')}`;
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}
