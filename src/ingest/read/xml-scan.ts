/**
 * A streaming tokenizer for the XML inside an xlsx: tags and the text between them, fed text
 * chunk by chunk (a tag cut by a chunk's end waits for the next chunk). Namespace prefixes are
 * dropped (`x:row` is `row`: some writers prefix every element).
 *
 * Why not a general SAX parser: saxes took 11 s for the 5 M cells of a 200 k-row sheet, where
 * this takes a fraction; the sheet parts of an xlsx use no DTD and few XML features. What it
 * does not check: that the document is well formed beyond each tag. An xlsx writer emits
 * well-formed XML; a damaged file fails at the zip's checksum first.
 */

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** text between tags, entities decoded; only while `wantText` is true */
  text(s: string): void;
  wantText: boolean;
}

// One tag with single-quoted attributes: closing slash, name, attributes (quoted values may hold '>'), self-closing slash.
const TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The value of attribute `name` in a tag's attribute text (entities decoded), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const k = attrs.indexOf(name, at);
    if (k < 0) return undefined;
    at = k + name.length;
    // the name must stand alone: after a space (or a prefix's colon), before '='
    const before = attrs.charCodeAt(k - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58) continue;
    let j = at;
    while (attrs.charCodeAt(j) === 32) j++;
    if (attrs[j] !== '=') continue;
    j++;
    while (attrs.charCodeAt(j) === 32) j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, j + 1);
    return decodeEntities(attrs.slice(j + 1, end));
  }
}

export class XmlScanner {
  private carry = '';

  constructor(private readonly h: XmlHandler) {}

  /** Scans a chunk; what a tag cut at the chunk's end left waits for the next one. */
  write(chunk: string): void {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = '';
    const h = this.h;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // text at the end waits too: an entity may be cut (`&am` | `p;`)
        this.carry = s.slice(i);
        return;
      }
      if (lt > i && h.wantText) h.text(decodeEntities(s.slice(i, lt)));
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */ || next === 63 /* ? */) {
        const r = this.special(s, lt);
        if (r < 0) { this.carry = s.slice(lt); return; }
        i = r;
        continue;
      }
      const end = this.tag(s, lt);
      if (end < 0) {
        // a tag cut at the chunk's end waits; a malformed one is an error
        if (n - lt < 4096) { this.carry = s.slice(lt); return; }
        throw new Error(`malformed XML near: ${s.slice(lt, lt + 80)}`);
      }
      i = end;
    }
  }

  /** After the last chunk: nothing may be left over. */
  end(): void {
    if (this.carry.trim()) throw new Error(`XML ends inside a tag: ${this.carry.slice(0, 80)}`);
  }

  /**
   * The tag at `lt` to the handler: the index after it, or -1 when it is not complete (a
   * regular expression per tag took twice as long); a tag whose attributes use single quotes
   * goes through TAG.
   */
  private tag(s: string, lt: number): number {
    const closing = s.charCodeAt(lt + 1) === 47;
    let k = closing ? lt + 2 : lt + 1;
    for (let c = s.charCodeAt(k); k < s.length && c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13; c = s.charCodeAt(++k));
    if (k >= s.length) return -1;
    let gt = s.indexOf('>', k);
    if (gt < 0) return -1;
    // a '>' inside a quoted value does not end the tag (quotes looked for inside the tag only:
    // searching on would scan to the next quote of the document, often the end of the chunk)
    for (let i = k; i < gt; i++) {
      if (s.charCodeAt(i) !== 34) continue;
      i = s.indexOf('"', i + 1);
      if (i < 0) return -1;
      if (i > gt) { gt = s.indexOf('>', i); if (gt < 0) return -1; }
    }
    const raw = s.slice(closing ? lt + 2 : lt + 1, k);
    const colon = raw.indexOf(':');
    const name = colon < 0 ? raw : raw.slice(colon + 1);
    if (closing) { this.h.close(name); return gt + 1; }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const attrs = s.slice(k, selfClosing ? gt - 1 : gt);
    if (attrs.indexOf("'") >= 0) return this.quotedTag(s, lt);
    this.h.open(name, attrs, selfClosing);
    return gt + 1;
  }

  private quotedTag(s: string, lt: number): number {
    TAG.lastIndex = lt;
    const m = TAG.exec(s);
    if (!m) return -1;
    const raw = m[2]!;
    const colon = raw.indexOf(':');
    this.h.open(colon < 0 ? raw : raw.slice(colon + 1), m[3]!, m[4] === '/');
    return TAG.lastIndex;
  }

  /** `<![CDATA[…]]>` (its text as is), a comment, a declaration or processing instruction: the index after it, or -1 if cut. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.h.wantText) this.h.text(s.slice(lt + 9, end));
      return end + 3;
    }
    const close = s.startsWith('<!--', lt) ? '-->' : '>';
    const end = s.indexOf(close, lt + 2);
    return end < 0 ? -1 : end + close.length;
  }
}
