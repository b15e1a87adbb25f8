/**
 * PDF through Debian's Chromium driven by playwright-core (no bundled browser download).
 * The page is our own HTML set with setContent; network is off (--disable-background-networking
 * and no URL is navigated), so a report cannot leak data to a third party while printing.
 */
import { existsSync } from 'node:fs';
import { fail } from '../core/errors.js';
import { ReportErrors } from './errors.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHOPLENS_CHROMIUM ?? DEFAULT_CHROMIUM;
}

export async function renderPdf(html: string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) fail(ReportErrors.REPORT_CHROMIUM_MISSING, { path: executablePath });
  // loaded on first use: playwright-core costs seconds of start-up for every command otherwise
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  }).catch((e: Error) => fail(ReportErrors.REPORT_RENDER_FAILED, { format: 'PDF', reason: e.message }, undefined, e));
  try {
    const page = await browser.newPage();
    // block every request: the report HTML is self-contained
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    await browser.close();
  }
}
