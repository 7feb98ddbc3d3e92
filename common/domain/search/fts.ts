/**
 * Full-text search helpers shared by the indexer and the query builder. SQLite's unicode61
 * tokenizer keeps a run of Chinese characters as one token, so "伟" would never find "张伟";
 * we index CJK text one character per token and search CJK input as a phrase of characters.
 */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/u;
const CJK_GLOBAL = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af])/gu;

/** Text as stored in the index: CJK characters separated by spaces. */
export function toIndexText(text: string): string {
  return text.replace(CJK_GLOBAL, ' $1 ').replace(/\s+/g, ' ').trim();
}

/**
 * A safe FTS5 MATCH expression for what a person typed: every word must match; the last Latin word
 * matches as a prefix (search as you type); CJK runs match as a phrase of characters. Returns null
 * when nothing searchable remains. User text never reaches FTS5 syntax unquoted.
 */
export function toMatchQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[\s,;，；、]+/u)
    .map((w) => w.replace(/["*^():{}[\]\\]/g, '').trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      if (CJK.test(w)) return `"${toIndexText(w)}"`;
      const last = i === words.length - 1;
      return last ? `"${w}"*` : `"${w}"`;
    })
    .join(' AND ');
}
