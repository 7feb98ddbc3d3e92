/**
 * The labelled language-check corpus (test/fixtures/lint-corpus) and its figures: recall per prohibited
 * category and language, false positives on the compliant set and on the approved templates.
 * Used by test/unit/lint/corpus.test.ts (targets) and `npm run lint-corpus` (the printed table).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lintText, type LexiconCategory, type LintOptions } from '../../common/domain/lint';
import { TEMPLATES, renderMessage } from '../../common/domain/templates';
import { PLAUSIBLE_VALUES } from './template-values';
import type { Lang } from '../../common/domain/guardrails';

export const CORPUS_DIR = path.join(__dirname, '..', 'fixtures', 'lint-corpus');
export const PROHIBITED = [
  'threat_arrest',
  'threat_violence',
  'impersonation',
  'false_legal',
  'exposure',
  'insult',
  'collection_fee',
  'payee',
  'new_borrowing',
  'pressure',
] as const satisfies readonly LexiconCategory[];
export type Prohibited = (typeof PROHIBITED)[number];

export interface Item {
  lang: Lang;
  label: string;
  text: string;
  line: number;
}

function readTsv(file: string, lang: Lang): Item[] {
  const out: Item[] = [];
  fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const tab = raw.indexOf('\t');
      if (tab < 0) throw new Error(`${file}:${i + 1}: expected label<TAB>message`);
      out.push({ lang, label: raw.slice(0, tab), text: raw.slice(tab + 1), line: i + 1 });
    });
  return out;
}

export function loadCorpus(): { prohibited: Item[]; compliant: Item[] } {
  const prohibited = [...readTsv('prohibited-zh.tsv', 'zh-CN'), ...readTsv('prohibited-en.tsv', 'en')];
  for (const p of prohibited) {
    if (!(PROHIBITED as readonly string[]).includes(p.label)) throw new Error(`unknown category "${p.label}" (line ${p.line})`);
  }
  return { prohibited, compliant: [...readTsv('compliant-zh.tsv', 'zh-CN'), ...readTsv('compliant-en.tsv', 'en')] };
}

/** Every category is in force under the CN preset (CN-CONDUCT), so the corpus is checked under it, as a text to the borrower. */
const OPTS: LintOptions = { preset: 'cn', channel: 'sms', party: 'borrower' };

export function categoriesFound(text: string): Set<string> {
  return new Set(lintText(text, OPTS).filter((f) => f.kind === 'lexicon').map((f) => f.category));
}

const SAMPLE = PLAUSIBLE_VALUES;

export function templateItems(): Item[] {
  return TEMPLATES.map((t, i) => {
    const { subject, body } = renderMessage(t, SAMPLE[t.lang]);
    return { lang: t.lang, label: `template:${t.id}`, text: subject === null ? body : `${subject}\n${body}`, line: i };
  });
}

/** The held-out sets (lang<TAB>label<TAB>message): measured, never used to tune the matcher. */
export function holdout(): { prohibited: Item[]; compliant: Item[] } {
  const read = (file: string): Item[] =>
    fs
      .readFileSync(path.join(CORPUS_DIR, file), 'utf8')
      .split('\n')
      .map((raw, i) => ({ raw, i }))
      .filter(({ raw }) => raw.trim() !== '' && !raw.startsWith('#'))
      .map(({ raw, i }) => {
        const [lang, label, text] = raw.split('\t');
        return { lang: lang as Lang, label: label ?? '', text: text ?? '', line: i + 1 };
      });
  return { prohibited: read('holdout-prohibited.tsv'), compliant: read('holdout-compliant.tsv') };
}

export function scoreHoldout(): { caught: number; total: number; flagged: number; compliant: number; missed: Item[]; falsePositives: Item[] } {
  const h = holdout();
  const missed = h.prohibited.filter((p) => !categoriesFound(p.text).has(p.label));
  const falsePositives = h.compliant.filter((c) => categoriesFound(c.text).size > 0);
  return { caught: h.prohibited.length - missed.length, total: h.prohibited.length, flagged: falsePositives.length, compliant: h.compliant.length, missed, falsePositives };
}

export interface Row {
  category: string;
  lang: Lang;
  total: number;
  caught: number;
  recall: number;
  /** Messages flagged with this category that are prohibited (any category), over all flagged with it. */
  precision: number;
  flagged: number;
}

export interface Report {
  rows: Row[];
  prohibitedTotal: number;
  prohibitedCaught: number;
  compliantTotal: number;
  compliantFlagged: Item[];
  templatesTotal: number;
  templatesFlagged: Item[];
  missed: Item[];
}

export function scoreCorpus(): Report {
  const { prohibited, compliant } = loadCorpus();
  const templates = templateItems();
  const found = new Map<Item, Set<string>>();
  for (const it of [...prohibited, ...compliant, ...templates]) found.set(it, categoriesFound(it.text));
  const rows: Row[] = [];
  for (const category of PROHIBITED) {
    for (const lang of ['zh-CN', 'en'] as const) {
      const labelled = prohibited.filter((p) => p.lang === lang && p.label === category);
      const caught = labelled.filter((p) => found.get(p)?.has(category)).length;
      const sameLang = [...prohibited, ...compliant, ...templates].filter((p) => p.lang === lang && found.get(p)?.has(category));
      const truePos = sameLang.filter((p) => prohibited.includes(p)).length;
      rows.push({
        category,
        lang,
        total: labelled.length,
        caught,
        recall: labelled.length === 0 ? 1 : caught / labelled.length,
        flagged: sameLang.length,
        precision: sameLang.length === 0 ? 1 : truePos / sameLang.length,
      });
    }
  }
  const missed = prohibited.filter((p) => !found.get(p)?.has(p.label));
  return {
    rows,
    prohibitedTotal: prohibited.length,
    prohibitedCaught: prohibited.length - missed.length,
    compliantTotal: compliant.length,
    compliantFlagged: compliant.filter((c) => (found.get(c)?.size ?? 0) > 0),
    templatesTotal: templates.length,
    templatesFlagged: templates.filter((c) => (found.get(c)?.size ?? 0) > 0),
    missed,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: Report, verbose = false): string {
  const lines = ['category         lang   recall            precision', '---------------  -----  ----------------  ---------'];
  for (const row of r.rows) {
    lines.push(
      `${row.category.padEnd(15)}  ${row.lang.padEnd(5)}  ${pct(row.recall).padStart(6)} (${row.caught}/${row.total})`.padEnd(42) +
        `${pct(row.precision).padStart(6)}`,
    );
  }
  const fp = r.compliantFlagged.length;
  lines.push(
    '',
    `prohibited: ${r.prohibitedCaught}/${r.prohibitedTotal} caught with their category (${pct(r.prohibitedCaught / r.prohibitedTotal)})`,
    `compliant:  ${fp}/${r.compliantTotal} flagged (false positives ${pct(fp / r.compliantTotal)}; target ≤ 2%)`,
    `templates:  ${r.templatesFlagged.length}/${r.templatesTotal} approved templates flagged (target 0)`,
    'precision = of the messages flagged with the category, the share that are prohibited (false alarms on lawful text lower it).',
  );
  const h = scoreHoldout();
  lines.push(
    `held out (written after the rework, never tuned on): ${h.caught}/${h.total} prohibited caught (${pct(h.caught / h.total)}), ${h.flagged}/${h.compliant} compliant flagged (${pct(h.flagged / h.compliant)})`,
  );
  if (verbose) {
    for (const m of h.missed) lines.push(`HELD-OUT MISSED  ${m.lang} ${m.label}: ${m.text}`);
    for (const c of h.falsePositives) lines.push(`HELD-OUT FALSE+  ${c.lang} ${c.label}: ${c.text}`);
    for (const m of r.missed) lines.push(`MISSED  ${m.lang} ${m.label}: ${m.text}`);
    for (const c of [...r.compliantFlagged, ...r.templatesFlagged]) lines.push(`FALSE+  ${c.lang} ${c.label}: ${[...categoriesFound(c.text)].join(',')}: ${c.text.slice(0, 120)}`);
  }
  return lines.join('\n');
}
