import type { Command } from 'commander';
import { CampaignErrors } from '../../campaigns/errors.js';
import { campaignInput, campaignKinds } from '../../campaigns/schema.js';
import { deleteCampaign, listCampaigns, saveCampaign } from '../../campaigns/store.js';
import { fail } from '../../core/errors.js';
import { campaignPhases } from '../../model/index.js';
import { parseFormat, withWarehouse, type GlobalOptions } from '../context.js';
import { render } from '../output.js';

/** `2026-11-01..2026-11-11` or `2026-11-01..2026-11-11:500000` (target in yuan). */
function phaseOf(phase: string, text: string | undefined) {
  if (text === undefined) return [];
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?::(.+))?$/.exec(text.trim());
  if (!m) fail(CampaignErrors.CAMPAIGN_INVALID, { detail: `--${phase} ${text}: expected FROM..TO or FROM..TO:TARGET, e.g. 2026-11-01..2026-11-11:500000 / 格式应为 起..止 或 起..止:目标金额` });
  return [{ phase, start: m[1], end: m[2], ...(m[3] ? { gmvTarget: m[3] } : {}) }];
}

export function registerCampaigns(program: Command): void {
  const campaigns = program.command('campaigns').description('活动日历:大促的阶段、日期与目标,活动日期内支付的订单归入该活动 / the campaign calendar: orders paid in a campaign\'s dates belong to it');

  campaigns.command('list').description('列出活动 / list campaigns').option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const list = await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), listCampaigns, { mustExist: true });
      process.stdout.write(render(list.map((c) => ({
        id: c.id, name: c.name, kind: c.kind, shop: c.shopId ?? '*',
        phases: c.phases.map((p) => `${p.name.zh} ${p.start}..${p.end}`).join('; '), gmv_target: c.gmvTarget,
      })), parseFormat(opts.format)));
    });

  campaigns.command('add <name>').description('新建活动(或用 --id 修改)/ add a campaign (or change one with --id)')
    .requiredOption('--kind <kind>', `活动类型 / kind: ${campaignKinds.join(' | ')}`)
    .option('--shop <id>', '只适用于该店铺(默认全部店铺)/ one shop only (default: every shop)')
    .option('--warmup <from..to[:target]>', '预热 / warm-up')
    .option('--burst <from..to[:target]>', '爆发 / burst')
    .option('--encore <from..to[:target]>', '返场 / encore')
    .option('--id <id>', '修改这个活动 / change this campaign')
    .action(async (name: string, opts: { kind: string; shop?: string; id?: string } & Record<string, string | undefined>, cmd: Command) => {
      const parsed = campaignInput.safeParse({ name, kind: opts.kind, shopId: opts.shop ?? null, phases: campaignPhases.flatMap((p) => phaseOf(p, opts[p])) });
      if (!parsed.success) fail(CampaignErrors.CAMPAIGN_INVALID, { detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'campaign'}: ${i.message}`).join('; ') });
      const r = await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), (wh) => saveCampaign(wh, parsed.data, opts.id), { mustExist: true });
      process.stdout.write(`已保存活动 / saved campaign ${r.campaign.id} (${r.campaign.name}):${r.ordersMoved} 笔订单的活动归属已更新 / the campaign of ${r.ordersMoved} orders was updated\n`);
    });

  campaigns.command('remove <id>').description('删除活动 / remove a campaign')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const moved = await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), (wh) => deleteCampaign(wh, id), { mustExist: true });
      process.stdout.write(`已删除活动 / removed campaign ${id}:${moved} 笔订单不再归属它 / ${moved} orders no longer belong to it\n`);
    });
}
