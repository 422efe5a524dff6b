// Runs a core example built for wasm32-wasip1 in Node's V8 (the engine of Chromium), so the
// import can be timed and profiled (`node --cpu-prof`) with wasm function names.
// Usage: node scripts/wasm-timing.mjs <example.wasm> [args…]   (READ_ONLY=1 passes through)
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [wasmPath, ...args] = process.argv.slice(2);
const env = process.env.READ_ONLY ? { READ_ONLY: '1' } : {};
const wasi = new WASI({ version: 'preview1', args: ['example', ...args], env, preopens: {} });
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
wasi.start(instance);
