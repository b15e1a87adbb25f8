/** traffic report header signature. */
export const signature = ['day', 'source', 'visitors', 'page_views'] as const;
