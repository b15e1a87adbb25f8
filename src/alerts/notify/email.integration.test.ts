/** E-mail through nodemailer to a minimal SMTP server on 127.0.0.1 (../testing/smtp-capture.ts). */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeHeader, mimeParts, startSmtpCapture } from '../testing/smtp-capture.js';
import { createNotifier, deliver, memoryDeliveryLog, parseChannel, sealSecret, type NotifyMessage } from './index.js';

const KEY = randomBytes(32);
const keys = { env: { SHOPLENS_SECRET_KEY: KEY.toString('hex') }, keyFile: '/nonexistent/never-used.key' };

const report: NotifyMessage = {
  kind: 'report',
  id: 'run-7',
  severity: 'info',
  title: { zh: '经营日报 2026-03-01', en: 'Daily report 2026-03-01' },
  lines: [{ zh: '昨日 GMV 12,345.67 元', en: 'GMV yesterday 12,345.67' }],
  html: { zh: '<h1>经营日报</h1><table><tr><td>GMV</td><td>12345.67</td></tr></table>', en: '<h1>Daily</h1>' },
  attachments: [{ filename: 'daily.csv', contentType: 'text/csv', content: Buffer.from('metric,value\ngmv,12345.67\n') }],
};

describe('SMTP e-mail', () => {
  it('authenticates with the sealed password and sends subject, text, HTML body and attachment', async () => {
    const smtp = await startSmtpCapture();
    try {
      const channel = parseChannel({
        id: 'ops-mail', kind: 'email',
        smtp: { host: '127.0.0.1', port: smtp.port, user: 'bot@shop.test', pass: sealSecret('p@ss-邮件', KEY) },
        from: 'ShopLens <bot@shop.test>', to: ['ops@shop.test', 'boss@shop.test'],
      });
      const log = memoryDeliveryLog();
      const [rec] = await deliver(report, [createNotifier(channel, keys)], { log });
      assert.equal(rec!.ok, true, rec!.detail);
      assert.equal(smtp.mails.length, 1);
      const mail = smtp.mails[0]!;
      assert.deepEqual(mail.auth, { user: 'bot@shop.test', pass: 'p@ss-邮件' });
      assert.equal(mail.from, 'bot@shop.test');
      assert.deepEqual(mail.to, ['ops@shop.test', 'boss@shop.test']);
      const [headerBlock] = mail.data.split('\r\n\r\n');
      const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(headerBlock!)![1]!.replace(/\r\n[ \t]/g, ' ');
      assert.equal(decodeHeader(subject), '【提示】经营日报 2026-03-01');
      const parts = mimeParts(mail.data);
      const text = parts.find((p) => p.headers['content-type']?.startsWith('text/plain'));
      const html = parts.find((p) => p.headers['content-type']?.startsWith('text/html'));
      const csv = parts.find((p) => /filename="?daily\.csv/.test(p.headers['content-disposition'] ?? ''));
      assert.equal(text?.body.trim(), '昨日 GMV 12,345.67 元');
      assert.equal(html?.body.trim(), '<h1>经营日报</h1><table><tr><td>GMV</td><td>12345.67</td></tr></table>');
      assert.equal(csv?.body, 'metric,value\ngmv,12345.67\n');
      assert.doesNotMatch(JSON.stringify(log.records), /p@ss/);
    } finally {
      await smtp.close();
    }
  });

  it('reports a permanent 5xx refusal after one attempt', async () => {
    const smtp = await startSmtpCapture({ rejectDataWith: '554 5.7.1 rejected as spam' });
    try {
      const channel = parseChannel({ id: 'm', kind: 'email', smtp: { host: '127.0.0.1', port: smtp.port }, from: 'bot@shop.test', to: ['ops@shop.test'] });
      const [rec] = await deliver(report, [createNotifier(channel, keys)], { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
      assert.equal(rec!.ok, false);
      assert.equal(rec!.attempts, 1);
      assert.equal(rec!.status, 554);
    } finally {
      await smtp.close();
    }
  });
});
