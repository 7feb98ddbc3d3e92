/**
 * Text as the language check reads it, with a map back to the original offsets:
 * full-width and compatibility forms folded (NFKC, per character), zero-width characters dropped,
 * separators inserted between Chinese characters removed ("法 院", "法*院"), letters spelt out with
 * spaces or dots joined ("a r r e s t"), digits and symbols standing for letters inside a word read as
 * letters ("j@il", "p0lice"), runs of spaces collapsed, and common homophone evasions read as the word
 * they stand for (坐劳 → 坐牢). Every replacement keeps one output character per input position it
 * came from, so a finding points at the original text.
 */

export interface Normalized {
  text: string;
  /** map[i]: offset in the original of normalised character i; map[text.length]: the original length. */
  map: number[];
}

const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff\u00ad]/u;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LETTER = /[a-z]/i;
/** Characters used to break up a Chinese word so a phrase list misses it. */
const CJK_SEPARATOR = /[\s*_\-.·•|/\\~^`'"+=#]/u;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** Same-length spellings that stand for a word the check knows (homophones and near-homophones). */
const HOMOPHONES: readonly [string, string][] = [
  ['坐劳', '坐牢'],
  ['做牢', '坐牢'],
  ['抓扑', '抓捕'],
  ['抓补', '抓捕'],
  ['逮扑', '逮捕'],
  ['法阮', '法院'],
  ['法苑', '法院'],
  ['发院', '法院'],
  ['公按', '公安'],
  ['警查', '警察'],
  ['拘流', '拘留'],
  ['起述', '起诉'],
  ['老来', '老赖'],
  ['捞赖', '老赖'],
  ['失心', '失信'],
  ['执刑', '执行'],
  ['身败明裂', '身败名裂'],
  ['不得好屎', '不得好死'],
  ['去屎', '去死'],
  ['律帅', '律师'],
  ['派出鼠', '派出所'],
  ['判行', '判刑'],
  ['曝晒', '曝光'],
  ['jial', 'jail'],
];

function fold(ch: string): string {
  if (ZERO_WIDTH.test(ch)) return '';
  const n = ch.normalize('NFKC');
  // NFKC turns a few characters into several (e.g. "㈱"); keep those as they are.
  return n.length === 1 ? n : ch;
}

interface Buf {
  chars: string[];
  map: number[];
}

function pass1(text: string): Buf {
  const chars: string[] = [];
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    if (f !== '') {
      chars.push(f);
      map.push(i);
    }
    i += ch.length;
  }
  map.push(text.length);
  return { chars, map };
}

function keepWhere(b: Buf, drop: (i: number) => boolean): Buf {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < b.chars.length; i++) {
    if (drop(i)) continue;
    chars.push(b.chars[i] as string);
    map.push(b.map[i] as number);
  }
  map.push(b.map[b.chars.length] as number);
  return { chars, map };
}

/** Separators between two Chinese characters (a run of them, up to 3). */
function dropCjkSeparators(b: Buf): Buf {
  const c = b.chars;
  const drop = new Set<number>();
  for (let i = 1; i < c.length; i++) {
    if (!CJK_SEPARATOR.test(c[i] as string) || !CJK.test(c[i - 1] as string)) continue;
    let j = i;
    while (j < c.length && j - i < 3 && CJK_SEPARATOR.test(c[j] as string)) j++;
    if (j < c.length && CJK.test(c[j] as string)) for (let k = i; k < j; k++) drop.add(k);
  }
  return keepWhere(b, (i) => drop.has(i));
}

/** "a r r e s t", "j.a.i.l": three or more single letters each followed by one separator. */
function joinSpelledLetters(b: Buf): Buf {
  const c = b.chars;
  const drop = new Set<number>();
  const single = (i: number): boolean =>
    LETTER.test(c[i] ?? '') && !LETTER.test(c[i - 1] ?? '') && !LETTER.test(c[i + 1] ?? '');
  for (let i = 0; i < c.length; i++) {
    if (!single(i) || (i >= 2 && single(i - 2) && /[ .\-*_]/.test(c[i - 1] as string))) continue;
    const run = [i];
    while (/[ .\-*_]/.test(c[run[run.length - 1]! + 1] ?? '') && single(run[run.length - 1]! + 2)) run.push(run[run.length - 1]! + 2);
    if (run.length >= 3) for (const k of run.slice(0, -1)) drop.add(k + 1);
  }
  return keepWhere(b, (i) => drop.has(i));
}

function readLeet(b: Buf): void {
  const c = b.chars;
  for (let i = 0; i < c.length; i++) {
    const sub = LEET[c[i] as string];
    if (!sub) continue;
    const before = LETTER.test(c[i - 1] ?? '');
    const after = LETTER.test(c[i + 1] ?? '');
    // Inside a word, or "$heriff" (a symbol starting a word); never in numbers or amounts.
    if ((before && after) || (c[i] === '$' && !before && after && LETTER.test(c[i + 2] ?? ''))) c[i] = sub;
  }
}

function collapseSpaces(b: Buf): Buf {
  return keepWhere(b, (i) => /\s/.test(b.chars[i] as string) && /\s/.test(b.chars[i - 1] ?? ''));
}

function readHomophones(b: Buf): string {
  let text = b.chars.join('');
  for (const [from, to] of HOMOPHONES) if (text.includes(from)) text = text.split(from).join(to);
  return text;
}

export function normalize(text: string): Normalized {
  let b = pass1(text);
  b = dropCjkSeparators(b);
  b = joinSpelledLetters(b);
  readLeet(b);
  b = collapseSpaces(b);
  // Every character is one UTF-16 unit or a surrogate pair kept whole; expand the map to code units.
  const joined = readHomophones(b);
  const map: number[] = [];
  b.chars.forEach((ch, i) => {
    for (let k = 0; k < ch.length; k++) map.push((b.map[i] as number) + k);
  });
  map.push(b.map[b.chars.length] as number);
  return { text: joined, map };
}

/** The original span of a normalised span [start, end). */
export function originalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.map[start] ?? 0;
  const last = n.map[end - 1];
  const e = last === undefined ? s : last + 1;
  return { start: s, end: Math.max(e, s) };
}
