/** Expense sheets (费用明细): one row per expense or per day and kind, kept by the seller or exported by an ERP. */
export const columns = {
  day: ['日期', '费用日期', '发生日期', '记账日期'],
  kind: ['费用类型', '费用项目', '费用类别', '费用科目', '科目'],
  amount: ['金额', '费用金额', '发生金额', '金额(元)'],
} as const;

export const required = ['day', 'kind', 'amount'] as const;
export const signature = ['day', 'kind', 'amount'] as const;
