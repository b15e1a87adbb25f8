/** `analyze ltv --summary FILE`: fit both models on a pre-summarised file, no store needed. */
import { fitBgNbd } from './bg-nbd.js';
import { fitGammaGamma } from './gamma-gamma.js';
import { readSummaryFile } from './summary-file.js';

export interface SummaryFit {
  bgnbd: { r: number; alpha: number; a: number; b: number; ll: number };
  gamma_gamma: { p: number; q: number; v: number } | null;
}

export function fitSummaryFile(file: string): SummaryFit {
  const data = readSummaryFile(file);
  const bg = fitBgNbd(data.purchases);
  const gg = data.spend && data.spend.x.length > 0 ? fitGammaGamma(data.spend) : null;
  return {
    bgnbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, ll: bg.ll },
    gamma_gamma: gg ? { p: gg.p, q: gg.q, v: gg.v } : null,
  };
}
