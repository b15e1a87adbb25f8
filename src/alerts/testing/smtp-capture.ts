/**
 * Test support: a minimal SMTP server (RFC 5321 line protocol) on 127.0.0.1 that accepts
 * AUTH PLAIN / LOGIN, records the envelope and the raw DATA, and can refuse with a code.
 * It offers no STARTTLS, so the client talks plain text on loopback.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface CapturedMail {
  auth?: { user: string; pass: string };
  from: string;
  to: string[];
  data: string;
}

export interface SmtpCapture {
  readonly port: number;
  readonly mails: CapturedMail[];
  close(): Promise<void>;
}

export async function startSmtpCapture(options: { rejectDataWith?: string } = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let loginStep: 'user' | 'pass' | undefined;
    let loginUser = '';
    let mail: CapturedMail = { from: '', to: [], data: '' };
    let auth: CapturedMail['auth'];
    const say = (line: string) => socket.write(line + '\r\n');
    say('220 127.0.0.1 ESMTP capture');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          if (options.rejectDataWith) say(options.rejectDataWith);
          else {
            mails.push({ ...mail, ...(auth ? { auth } : {}) });
            say('250 2.0.0 queued');
          }
          mail = { from: '', to: [], data: '' };
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (loginStep === 'user') { loginUser = Buffer.from(line, 'base64').toString(); loginStep = 'pass'; say('334 UGFzc3dvcmQ6'); continue; }
        if (loginStep === 'pass') { auth = { user: loginUser, pass: Buffer.from(line, 'base64').toString() }; loginStep = undefined; say('235 2.7.0 ok'); continue; }
        if (verb === 'EHLO') { socket.write('250-127.0.0.1\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n'); }
        else if (verb === 'HELO') say('250 127.0.0.1');
        else if (verb === 'AUTH') {
          const [, mech, initial] = line.split(' ');
          if (mech?.toUpperCase() === 'PLAIN' && initial) {
            const [, user, pass] = Buffer.from(initial, 'base64').toString().split('\0');
            auth = { user: user ?? '', pass: pass ?? '' };
            say('235 2.7.0 ok');
          } else if (mech?.toUpperCase() === 'LOGIN') { loginStep = 'user'; say('334 VXNlcm5hbWU6'); }
          else say('504 unsupported');
        }
        else if (verb === 'MAIL') { mail.from = /<([^>]*)>/.exec(line)?.[1] ?? ''; say('250 ok'); }
        else if (verb === 'RCPT') { mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? ''); say('250 ok'); }
        else if (verb === 'DATA') { inData = true; say('354 end with <CRLF>.<CRLF>'); }
        else if (verb === 'QUIT') { say('221 bye'); socket.end(); }
        else if (verb === 'RSET' || verb === 'NOOP') say('250 ok');
        else say('502 not implemented');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

/** Decodes RFC 2047 encoded-words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

/** Splits a MIME message into leaf parts with decoded bodies (base64 / quoted-printable / 7-8bit). */
export function mimeParts(raw: string): { headers: Record<string, string>; body: string }[] {
  const [head, ...rest] = raw.split(/\r\n\r\n/);
  const headers: Record<string, string> = {};
  for (const h of head!.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).toLowerCase()] = h.slice(i + 1).trim();
  }
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    return body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).flatMap((p) => mimeParts(p.replace(/^\r\n/, '')));
  }
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const decoded = cte === 'base64'
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : cte === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return [{ headers, body: decoded }];
}
