export { generateDemo, DEFAULT_DEMO_ORDER_LINES, type DemoOptions, type DemoSummary } from './generate.js';
