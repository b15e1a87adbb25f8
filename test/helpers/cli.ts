import { execFile, spawnSync } from 'node:child_process';
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

/**
 * The same without blocking the test's own event loop: for a command that talks to a server
 * running inside the test (a capture robot, an SMTP box), which `runCli` would leave unable to
 * answer until the command gave up.
 */
export function runCliAsync(args: string[], options: { env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}
