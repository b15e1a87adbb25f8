import { apiErrorOf, getJson, postJson } from './client';
import type { ImportRun, QualityIssue, QuarantinedRow } from './types';

/** Uploads files in one multipart request, reporting upload progress (XHR: fetch cannot). */
export function uploadFiles(files: File[], shop: string, onProgress: (fraction: number) => void): Promise<{ runId: string }> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // Fields before files: the server reads the parts in order.
    if (shop) form.append('shop', shop);
    for (const f of files) form.append('files', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    const csrf = document.cookie.split(';').map((p) => p.trim().split('=')).find(([k]) => k && /csrf/i.test(k));
    if (csrf) xhr.setRequestHeader('x-csrf-token', decodeURIComponent(csrf.slice(1).join('=')));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body: unknown;
      try { body = JSON.parse(xhr.responseText); } catch { body = {}; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as { runId: string });
      else reject(apiErrorOf(body, xhr.status, xhr.statusText));
    };
    xhr.onerror = () => reject(new Error('NETWORK'));
    xhr.send(form);
  });
}

export const getRun = (id: string) => getJson<ImportRun>(`/api/import/runs/${encodeURIComponent(id)}`);
export const listRuns = () => getJson<{ runs: ImportRun[] }>('/api/import/runs');
export const getQuality = (runId: string) => getJson<{ issues: QualityIssue[] }>(`/api/quality?run=${encodeURIComponent(runId)}`);
export const getQuarantine = (runId: string) => getJson<{ rows: QuarantinedRow[] }>(`/api/quarantine/${encodeURIComponent(runId)}`);
export const loadDemo = (orders: number) => postJson<{ orderLines: number }>('/api/demo', { orders });
