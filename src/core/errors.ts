/**
 * Errors a user can cause carry a stable code, a message in Chinese and English, and where it
 * applies the file, row and column. Each layer declares its codes in one table with
 * `defineErrors`; `ShopLensError` is the only error class.
 */

export interface ErrorDef<P> {
  /** HTTP status the server answers with. */
  readonly http: number;
  /** true when the user (input, flags, files) caused it; false for our bugs and the machine's. */
  readonly userCaused: boolean;
  readonly zh: (p: P) => string;
  readonly en: (p: P) => string;
}

export interface Location {
  file?: string;
  /** 1-based data row as a spreadsheet shows it (header is row 1). */
  row?: number;
  column?: string;
}

type AnyDef = ErrorDef<any>;
export type ErrorTable = Record<string, AnyDef>;

const registry = new Map<string, AnyDef>();

/** Declares a layer's error codes; a code declared twice anywhere is a bug caught at load. */
export function defineErrors<T extends ErrorTable>(table: T): { [K in keyof T]: T[K] & { code: K } } {
  const out: Record<string, AnyDef & { code: string }> = {};
  for (const [code, def] of Object.entries(table)) {
    if (registry.has(code)) throw new Error(`error code ${code} declared twice`);
    registry.set(code, def);
    out[code] = { ...def, code };
  }
  return out as { [K in keyof T]: T[K] & { code: K } };
}

export function allErrorCodes(): ReadonlyMap<string, AnyDef> {
  return registry;
}

type ParamsOf<D> = D extends ErrorDef<infer P> ? P : never;

export class ShopLensError extends Error {
  readonly code: string;
  readonly http: number;
  readonly userCaused: boolean;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly params: Record<string, unknown>;
  readonly location: Location | undefined;

  constructor(def: AnyDef & { code: string }, params: Record<string, unknown>, location?: Location, options?: { cause?: unknown }) {
    const en = def.en(params);
    super(`${def.code}: ${en}`, options);
    this.name = 'ShopLensError';
    this.code = def.code;
    this.http = def.http;
    this.userCaused = def.userCaused;
    this.messageZh = def.zh(params);
    this.messageEn = en;
    this.params = params;
    this.location = location;
  }

  /** The form the CLI prints and the API returns. */
  toJSON(): { code: string; message: { zh: string; en: string }; location?: Location } {
    return {
      code: this.code,
      message: { zh: this.messageZh, en: this.messageEn },
      ...(this.location ? { location: this.location } : {}),
    };
  }
}

/** Throws a typed error: `fail(E.DB_NOT_WRITABLE, { path })`. */
export function fail<D extends AnyDef & { code: string }>(def: D, params: ParamsOf<D>, location?: Location, cause?: unknown): never {
  throw new ShopLensError(def, params as Record<string, unknown>, location, cause === undefined ? undefined : { cause });
}

export function isShopLensError(e: unknown): e is ShopLensError {
  return e instanceof ShopLensError;
}

export function assertUnreachable(value: never, message = 'unreachable'): never {
  throw new Error(`${message}: ${String(value)}`);
}

/** Codes that belong to no single layer. */
export const CoreErrors = defineErrors({
  INTERNAL: {
    http: 500,
    userCaused: false,
    zh: (p: { detail: string }) => `内部错误:${p.detail}`,
    en: (p: { detail: string }) => `internal error: ${p.detail}`,
  },
  INVALID_ARGUMENT: {
    http: 400,
    userCaused: true,
    zh: (p: { name: string; value: string; expected: string }) => `参数 ${p.name} 的值 "${p.value}" 无效,应为 ${p.expected}`,
    en: (p: { name: string; value: string; expected: string }) => `invalid value "${p.value}" for ${p.name}: expected ${p.expected}`,
  },
});
