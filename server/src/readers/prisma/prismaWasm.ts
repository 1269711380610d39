// Loads @prisma/prisma-schema-wasm lazily (pure WASM, no native engine) and makes its panics catchable.
type PrismaSchemaWasm = {
  get_dmmf(params: string): string;
  /** The DMMF's `datamodel` part alone: ~100x faster than get_dmmf, which also builds the client's query schema. */
  get_datamodel?(params: string): string;
  get_config(params: string): string;
};

let loaded: PrismaSchemaWasm | null | undefined;
let lastPanic: string | undefined;

/** The wasm module, or undefined when it cannot be loaded (the callers fall back to a regex scan). */
export function prismaSchemaWasm(): PrismaSchemaWasm | undefined {
  if (loaded === undefined) {
    // Without a registry, a Rust panic inside the wasm crashes the process instead of throwing.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => { lastPanic = m; } };
    try {
      loaded = require('@prisma/prisma-schema-wasm') as PrismaSchemaWasm;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** The wasm's error as one readable message: JSON `{message}` unwrapped, ANSI colours stripped. */
export function prismaWasmErrorMessage(error: unknown): string {
  let raw = error instanceof Error ? error.message : String(error);
  if (lastPanic && /unreachable/i.test(raw)) { raw = `schema parser panicked: ${lastPanic}`; lastPanic = undefined; }
  try {
    const parsed = JSON.parse(raw) as { message?: unknown };
    if (typeof parsed.message === 'string') raw = parsed.message;
  } catch { /* not JSON: keep as is */ }
  // eslint-disable-next-line no-control-regex
  return raw.replace(/\u001b\[[0-9;]*m/g, '').trim();
}
