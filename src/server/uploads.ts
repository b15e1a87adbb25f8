/**
 * Upload type checks by content, not by name alone: a file called .xlsx must be a zip, a .csv
 * must be text. Platform exports are odd — some "xls" files are HTML or tab-separated text, and
 * some CSVs are UTF-16 with a byte-order mark — so each extension lists every form it may take.
 */
import { fail } from '../core/errors.js';
import { ServerErrors } from './errors.js';

type Form = 'text' | 'zip' | 'ole';

export const uploadForms: Readonly<Record<string, readonly Form[]>> = {
  '.csv': ['text'],
  '.tsv': ['text'],
  '.txt': ['text'],
  '.json': ['text'],
  '.xlsx': ['zip'],
  '.xls': ['ole', 'text'],
  '.zip': ['zip'],
};

const starts = (head: Uint8Array, sig: readonly number[]) => sig.every((b, i) => head[i] === b);

function formOf(head: Uint8Array): Form | 'binary' {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // UTF-16 text has NUL bytes by nature; its byte-order mark says so.
  if (starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff])) return 'text';
  return head.includes(0) ? 'binary' : 'text';
}

/** Refuses a file whose first bytes do not match its extension. `head`: the first 4 KB or so. */
export function checkUploadContent(fileName: string, head: Uint8Array): void {
  const ext = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  const allowed = Object.keys(uploadForms).join(' ');
  const forms = uploadForms[ext];
  if (!forms) fail(ServerErrors.SERVER_UPLOAD_TYPE, { file: fileName, allowed });
  const form = formOf(head);
  if (form === 'binary' || !forms.includes(form)) fail(ServerErrors.SERVER_UPLOAD_TYPE, { file: fileName, allowed });
}
