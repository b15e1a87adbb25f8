/**
 * What a role may do, written once as data. Pages gate the web app's navigation; the rest gate
 * API routes (every route declares one, see server/access.ts) and the metric compiler
 * (`metrics:finance` decides who sees cost, profit and settlement metrics).
 */
export const permissions = [
  'page:overview',
  'page:analysis',
  'page:reports',
  'page:alerts',
  'page:actions',
  'page:data',
  'page:settings',
  'metrics:read',
  'metrics:finance',
  'analysis:run',
  'export',
  'import',
  'data:delete',
  'dashboards:manage',
  'reports:manage',
  'alerts:manage',
  'actions:manage',
  'campaigns:manage',
  'customers:read',
  'pii:read',
  'pii:purge',
  'users:manage',
  'audit:read',
  'settings:manage',
] as const;
export type Permission = (typeof permissions)[number];

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

/** Shown in the user admin page and in `shoplens user` help. */
export const permissionNames: Record<Permission, { zh: string; en: string }> = {
  'page:overview': { zh: '总览页面', en: 'overview pages' },
  'page:analysis': { zh: '分析页面', en: 'analysis pages' },
  'page:reports': { zh: '报表页面', en: 'report pages' },
  'page:alerts': { zh: '告警页面', en: 'alert pages' },
  'page:actions': { zh: '行动跟踪页面', en: 'action tracker pages' },
  'page:data': { zh: '数据导入页面', en: 'data import pages' },
  'page:settings': { zh: '设置页面', en: 'settings pages' },
  'metrics:read': { zh: '查看指标', en: 'read metrics' },
  'metrics:finance': { zh: '查看成本、利润、结算类指标', en: 'read cost, profit and settlement metrics' },
  'analysis:run': { zh: '运行分析', en: 'run analyses' },
  export: { zh: '导出数据', en: 'export data' },
  import: { zh: '导入数据', en: 'import data' },
  'data:delete': { zh: '删除数据', en: 'delete data' },
  'dashboards:manage': { zh: '管理看板', en: 'manage dashboards' },
  'reports:manage': { zh: '管理定时报表', en: 'manage scheduled reports' },
  'alerts:manage': { zh: '管理告警规则', en: 'manage alert rules' },
  'actions:manage': { zh: '管理行动(PDCA)', en: 'manage actions (PDCA)' },
  'campaigns:manage': { zh: '管理活动日历(大促)', en: 'manage the campaign calendar' },
  'customers:read': { zh: '查看买家列表', en: 'read buyer lists' },
  'pii:read': { zh: '查看买家个人信息明文', en: 'read buyers’ personal information unmasked' },
  'pii:purge': { zh: '删除买家个人信息(PIPL)', en: 'purge a buyer’s personal information (PIPL)' },
  'users:manage': { zh: '管理用户与角色', en: 'manage users and roles' },
  'audit:read': { zh: '查看审计日志', en: 'read the audit log' },
  'settings:manage': { zh: '修改系统设置', en: 'change settings' },
};
