export { generateDemo, DEFAULT_DEMO_ORDER_LINES, type DemoOptions, type DemoSummary } from './generate.js';
export { removeDemo, demoShopsIn, type DemoRemoval } from './remove.js';
