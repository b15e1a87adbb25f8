/** The tag colour of an alert's severity, wherever an alert is shown. */
export const SEVERITY_COLOR = { info: 'blue', warning: 'orange', critical: 'red' } as const;
