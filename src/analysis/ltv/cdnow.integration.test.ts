/**
 * The CDNOW sample (2,357 real customers, 39-week calibration) against the figures Fader,
 * Hardie & Lee (2005) and lifetimes' Quickstart publish. Nothing here comes from our own
 * output: the parameters, the log-likelihood and the per-customer predictions are the
 * published ones.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expectedPurchases, fitBgNbd, probabilityAlive } from './bg-nbd.js';
import { expectedAverageSpend, fitGammaGamma } from './gamma-gamma.js';
import { readSummaryFile } from './summary-file.js';

const FILE = fileURLToPath(new URL('../../../../shared/data/public/cdnow/cdnow_customers_summary_with_transactions.csv', import.meta.url));
const sig3 = (got: number, want: number, what: string) =>
  assert.equal(Number(got.toPrecision(3)), Number(want.toPrecision(3)), `${what}: ${got} vs published ${want}`);

const data = readSummaryFile(FILE);
const bg = fitBgNbd(data.purchases);

it('reads 2,357 customers, 946 of them repeat buyers', () => {
  assert.equal(data.purchases.x.length, 2357);
  assert.equal(data.spend?.x.length, 946);
});

it('BG/NBD reproduces r = 0.2426, α = 4.4135, a = 0.7929, b = 2.4258 and LL −9582.43', () => {
  sig3(bg.r, 0.2426, 'r');
  sig3(bg.alpha, 4.4135, 'alpha');
  sig3(bg.a, 0.7929, 'a');
  sig3(bg.b, 2.4258, 'b');
  assert.ok(Math.abs(bg.ll - -9582.43) < 0.01, `ll ${bg.ll}`);
});

it('Gamma-Gamma reproduces p = 6.25, q = 3.74, v = 15.45 on the 946 repeat buyers', () => {
  const gg = fitGammaGamma(data.spend!);
  sig3(gg.p, 6.25, 'p');
  sig3(gg.q, 3.74, 'q');
  sig3(gg.v, 15.45, 'v');
  // lifetimes Quickstart: customer 1 (x = 2, z̄ = 22.35) → 24.658619; a one-time buyer → 35.170981.
  sig3(expectedAverageSpend(gg, 2, 22.35), 24.658619, 'E[Z] customer 1');
  sig3(expectedAverageSpend(gg, 0, 0), 35.170981, 'E[Z] one-time buyer');
});

it('predicts next-week purchases as the Quickstart does', () => {
  // Quickstart, t = 1: customer 1516 (x 26, t_x 30.86, T 31.00) → 0.710623; 509 (18, 35.14, 35.86) → 0.424877.
  sig3(expectedPurchases(bg, 1, 26, 30.86, 31), 0.710623, 'customer 1516');
  sig3(expectedPurchases(bg, 1, 18, 35.14, 35.86), 0.424877, 'customer 509');
  // A buyer who bought once at the start is certainly alive under BG/NBD (no drop-out before a repeat).
  assert.equal(probabilityAlive(bg, 0, 0, 38.86), 1);
});
