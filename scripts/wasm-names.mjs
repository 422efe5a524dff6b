#!/usr/bin/env node
// What a wasm's code is made of, by function name: reads the code and name sections (the wasm
// cargo links keeps its names; wasm-opt's output does not) and sums code bytes by crate, by a
// pattern, or lists the largest functions. For docs/benchmarks.md; measures, changes nothing.
//
//   node scripts/wasm-names.mjs target/wasm32-unknown-unknown/release/phoihop.wasm
//   node scripts/wasm-names.mjs <wasm> --top 40                 the 40 largest functions
//   node scripts/wasm-names.mjs <wasm> --grep 'Deserialize'     functions whose name matches
//   node scripts/wasm-names.mjs <wasm> --visitors               serde visitors per type, copies
//   node scripts/wasm-names.mjs <wasm> --names names.txt        only functions named in the file
//     (one name a line, e.g. the functions left in the first wasm after the split)
import fs from 'node:fs';

function reader(buf) {
  let pos = 0;
  const r = {
    get pos() {
      return pos;
    },
    set pos(p) {
      pos = p;
    },
    byte: () => buf[pos++],
    u32() {
      let result = 0;
      let shift = 0;
      for (;;) {
        const b = buf[pos++];
        result += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80)) return result;
        shift += 7;
      }
    },
    bytes(n) {
      const out = buf.subarray(pos, pos + n);
      pos += n;
      return out;
    },
    name() {
      return r.bytes(r.u32()).toString('utf8');
    },
  };
  return r;
}

/** { imported: number of imported functions, bodies: [size], names: Map(index → name) } */
export function functions(buf) {
  const r = reader(buf);
  r.pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (r.pos < buf.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (id === 2) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) {
          r.u32();
          imported++;
        } else if (kind === 1) {
          r.byte();
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 2) {
          const flags = r.u32();
          r.u32();
          if (flags & 1) r.u32();
        } else if (kind === 3) {
          r.byte();
          r.byte();
        } else if (kind === 4) {
          r.byte();
          r.u32();
        }
      }
    } else if (id === 10) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        const len = r.u32();
        bodies.push(len);
        r.pos += len;
      }
    } else if (id === 0) {
      const name = r.name();
      if (name === 'name') {
        while (r.pos < end) {
          const sub = r.byte();
          const len = r.u32();
          const subEnd = r.pos + len;
          if (sub === 1) {
            for (let n = r.u32(), i = 0; i < n; i++) {
              const index = r.u32();
              names.set(index, r.name());
            }
          }
          r.pos = subEnd;
        }
      }
    }
    r.pos = end;
  }
  return { imported, bodies, names };
}

/** Rust's legacy mangling (_ZN…E) to a path; anything else as it is. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    let j = i;
    while (/[0-9]/.test(name[j])) j++;
    const len = Number(name.slice(i, j));
    if (!len) break;
    // An identifier starting with `$` is written with a leading `_`.
    const part = name.slice(j, j + len);
    parts.push(part.startsWith('_$') ? part.slice(1) : part);
    i = j + len;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<')
    .replace(/\$GT\$/g, '>')
    .replace(/\$u20\$/g, ' ')
    .replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}')
    .replace(/\$RF\$/g, '&')
    .replace(/\$BP\$/g, '*')
    .replace(/\$LP\$/g, '(')
    .replace(/\$RP\$/g, ')')
    .replace(/\$C\$/g, ',')
    .replace(/\.\./g, '::');
}

/** The crate a function's code belongs to, by the first path segment of its (impl's) name. */
function crateOf(path) {
  const m = path.match(/^<?(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)/);
  if (!m) return '?';
  // `<F as tachys::…::ReactiveFunction>`: a generic type's code belongs to the trait's crate.
  const trait = path.match(/^<[^<>]* as ([A-Za-z_][A-Za-z0-9_]*)/);
  if (trait && /^[A-Z][A-Za-z0-9]?$/.test(m[1])) return trait[1];
  return m[1];
}

function main() {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/wasm-names.mjs <file.wasm> [--top N | --grep RE | --visitors | --names FILE]');
    process.exit(2);
  }
  const opt = (flag) => {
    const i = rest.indexOf(flag);
    return i >= 0 ? rest[i + 1] ?? true : undefined;
  };
  const { imported, bodies, names } = functions(fs.readFileSync(file));
  if (names.size === 0) console.warn('(no name section: sizes only by index)');
  let fns = bodies.map((size, i) => {
    const raw = names.get(imported + i) ?? `#${imported + i}`;
    return { size, raw, path: demangle(raw) };
  });
  const only = opt('--names');
  if (only) {
    const keep = new Set(fs.readFileSync(only, 'utf8').split('\n').filter(Boolean));
    fns = fns.filter((f) => keep.has(f.raw));
  }
  const total = fns.reduce((a, f) => a + f.size, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${file}: ${fns.length} functions, ${kb(total)} of code`);
  const grep = opt('--grep');
  const top = opt('--top');
  if (opt('--visitors') !== undefined) {
    // serde's derive makes a Visitor per type; each deserializer it is instantiated for
    // (serde_json's reader over a slice, a str, an IoRead, a Value, serde_path_to_error…) is a
    // copy of its visit_map / visit_seq.
    const byType = new Map();
    for (const f of fns) {
      const m = f.path.match(/<(.+?)::deserialize::__Visitor as serde(?:_core)?::de::Visitor>::visit_(map|seq)/);
      if (!m) continue;
      const key = `${m[1]} visit_${m[2]}`;
      const e = byType.get(key) ?? { copies: 0, bytes: 0, sizes: [] };
      e.copies++;
      e.bytes += f.size;
      e.sizes.push(f.size);
      byType.set(key, e);
    }
    const rows = [...byType].sort((a, b) => b[1].bytes - a[1].bytes);
    let sum = 0;
    let beyondOne = 0;
    for (const [key, e] of rows) {
      sum += e.bytes;
      beyondOne += e.bytes - Math.max(...e.sizes);
      console.log(`${kb(e.bytes).padStart(9)}  ${String(e.copies).padStart(2)}×  ${key}  (${e.sizes.map(kb).join(', ')})`);
    }
    console.log(`visitors: ${kb(sum)}; beyond one copy per type: ${kb(beyondOne)}`);
    return;
  }
  if (grep || top) {
    const re = grep ? new RegExp(grep) : null;
    const list = fns.filter((f) => !re || re.test(f.path)).sort((a, b) => b.size - a.size);
    const n = top ? Number(top) : list.length;
    for (const f of list.slice(0, n)) console.log(`${kb(f.size).padStart(9)}  ${f.path}`);
    console.log(`${list.length} functions, ${kb(list.reduce((a, f) => a + f.size, 0))}`);
    return;
  }
  const byCrate = new Map();
  for (const f of fns) {
    const c = crateOf(f.path);
    byCrate.set(c, (byCrate.get(c) ?? 0) + f.size);
  }
  for (const [c, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${kb(size).padStart(9)}  ${c}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
