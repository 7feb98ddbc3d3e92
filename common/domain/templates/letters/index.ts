/** Every event letter: per preset and language, one of each type; the US adds the validation notice. */
import { PRESET_IDS } from '../../guardrails/types';
import type { MessageTemplate } from '../types';
import { framed } from './frames';
import { EVENT_TYPES, middleOf } from './middles';
import { US_VALIDATION_NOTICES } from './validation';

export { LETTER_TYPES, purposeOf, type LetterType } from './types';

const slug = (type: string) => type.replace(/_/g, '-');

export const EVENT_LETTERS: readonly MessageTemplate[] = [
  ...US_VALIDATION_NOTICES,
  ...PRESET_IDS.flatMap((preset) =>
    EVENT_TYPES.flatMap((type) =>
      (['en', 'zh-CN'] as const).map(
        (lang): MessageTemplate => ({ id: `${preset}.${slug(type)}.${lang}`, preset, kind: 'letter', lang, letter: type, body: framed(preset, lang, middleOf(type, preset, lang)) }),
      ),
    ),
  ),
];
