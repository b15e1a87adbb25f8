import { apiFetch, getJson, postJson } from './client';
import type { Dashboard, SavedReport } from './types';
import { useApi } from './use-api';

/** Saved reports and custom dashboards (kept in the metadata store's documents). */
export const listReports = () => getJson<{ reports: SavedReport[] }>('/api/reports');
export const saveReport = (r: Omit<SavedReport, 'id'> & { id?: string }) =>
  r.id ? postJson<SavedReport>(`/api/reports/${encodeURIComponent(r.id)}`, r, 'PUT') : postJson<SavedReport>('/api/reports', r);
export const deleteReport = (id: string) => apiFetch(`/api/reports/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const listDashboards = () => getJson<{ dashboards: Dashboard[] }>('/api/dashboards');
export const saveDashboard = (d: Omit<Dashboard, 'id'> & { id?: string }) =>
  d.id ? postJson<Dashboard>(`/api/dashboards/${encodeURIComponent(d.id)}`, d, 'PUT') : postJson<Dashboard>('/api/dashboards', d);
export const deleteDashboard = (id: string) => apiFetch(`/api/dashboards/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useReports = () => useApi('reports', listReports, { cache: false });
export const useDashboards = () => useApi('dashboards', listDashboards, { cache: false });
