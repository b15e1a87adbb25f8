import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchCatalog } from './api/queries';
import { App } from './app';
import { fetchSession } from './components/auth-gate';
import { prefetchFilterOptions } from './components/global-filters';
import { startPage } from './pages/registry';
import './styles.css';

// Everything the first screen needs is asked for at once, before React renders the shell: the
// sign-in check, the catalog, the filter options, the page's code and its queries. Each
// component later joins the request under way or finds its answer (use-api.ts).
const session = fetchSession();
session.catch(() => undefined); // a 401 is an answer, read by AuthGate once it mounts
void prefetchCatalog().catch(() => undefined);
void prefetchFilterOptions().catch(() => undefined);
startPage(window.location.pathname, new URLSearchParams(window.location.search));

createRoot(document.getElementById('root')!).render(<StrictMode><App session={session} /></StrictMode>);
