import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve('bin/shoplens.js');

/** Runs the built `shoplens` command (npm test builds first). */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    input: options.input,
    timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
