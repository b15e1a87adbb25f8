import { fetchSession, prefetchCatalog, prefetchFilterOptions } from './api/queries';
import { followDeepLink } from './lib/deep-link';
import { startPage } from './pages/registry';

// Everything the first screen needs is asked for at once, before the app's code (antd, React
// DOM) has even been evaluated: the sign-in check, the catalog, the filter options, the page's
// code and its queries. This module imports nothing heavy, so the requests leave while the
// browser still compiles the rest; each component later joins the request under way or finds
// its answer (use-api.ts).
followDeepLink();
const session = fetchSession();
session.catch(() => undefined); // a 401 is an answer, read by AuthGate once it mounts
void prefetchCatalog().catch(() => undefined);
void prefetchFilterOptions().catch(() => undefined);
startPage(window.location.pathname, new URLSearchParams(window.location.search));

void import('./mount').then((m) => m.mount(session));
