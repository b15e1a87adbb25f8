/**
 * The one contract every channel implements. A message is channel-agnostic and bilingual;
 * each notifier picks its configured language and renders the platform's own format.
 */

export const languages = ['zh', 'en'] as const;
export type Lang = (typeof languages)[number];
export type Localized = Readonly<Record<Lang, string>>;

export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

export interface MessageFact {
  readonly label: Localized;
  /** already formatted for display (money as decimal text, rates with %) */
  readonly value: string;
}

export interface MessageAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface NotifyMessage {
  /** what produced it, for the generic webhook's `event` and the delivery log */
  readonly kind: 'alert' | 'report' | 'test';
  /** stable id of the alert / report run, so receivers can de-duplicate */
  readonly id: string;
  readonly severity: Severity;
  readonly title: Localized;
  /** short paragraphs of plain text; notifiers escape them for their format */
  readonly lines: readonly Localized[];
  readonly facts?: readonly MessageFact[];
  /** link back to the view in ShopLens */
  readonly link?: { readonly url: string; readonly label: Localized };
  /** a full HTML body (scheduled reports); e-mail sends it instead of the rendered lines */
  readonly html?: Localized;
  /** files e-mail attaches (report XLSX/PDF); chat channels link to the archive instead */
  readonly attachments?: readonly MessageAttachment[];
}

/** One HTTP/SMTP attempt's outcome, before retries decide what to do with it. */
export interface AttemptResult {
  readonly ok: boolean;
  /** true when trying again may help: network errors, 5xx, 429, platform rate limits */
  readonly retryable: boolean;
  readonly status?: number;
  /** what the platform said; never contains a secret (see redact) */
  readonly detail: string;
}

export interface Notifier {
  readonly channelId: string;
  readonly kind: ChannelKind;
  /** one attempt; retries and logging live in deliver() */
  attempt(message: NotifyMessage, now: Date): Promise<AttemptResult>;
  /** every secret value this notifier holds, so log lines can be scrubbed of them */
  readonly secrets: readonly string[];
}

export const channelKinds = ['dingtalk', 'feishu', 'wecom', 'email', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];
