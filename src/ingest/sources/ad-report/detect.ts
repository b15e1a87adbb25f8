/** ad report header signature. */
export const signature = ['day', 'campaign', 'impressions', 'clicks', 'cost'] as const;
