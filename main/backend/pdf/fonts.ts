/**
 * A CJK font to embed in PDFs. Looked up in order: CASEDESK_CJK_FONT, fonts shipped with the app
 * (resources/fonts), then the system's Noto CJK / WenQuanYi / PingFang / Microsoft YaHei. pdfkit
 * embeds only the glyphs used, so a letter stays small.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FontRef {
  file: string;
  /** PostScript name inside a collection (.ttc), when the file is one. */
  family?: string;
}

const SYSTEM: FontRef[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
];

export class NoCjkFontError extends Error {
  override readonly name = 'NoCjkFontError';
}

export function findCjkFont(env: NodeJS.ProcessEnv = process.env, resourcesDir?: string): FontRef {
  const fromEnv = env.CASEDESK_CJK_FONT;
  if (fromEnv && fs.existsSync(fromEnv)) return { file: fromEnv, ...(env.CASEDESK_CJK_FONT_FAMILY ? { family: env.CASEDESK_CJK_FONT_FAMILY } : {}) };
  if (resourcesDir) {
    const shipped = path.join(resourcesDir, 'fonts', 'NotoSansCJK-Regular.ttc');
    if (fs.existsSync(shipped)) return { file: shipped, family: 'NotoSansCJKsc-Regular' };
  }
  const found = SYSTEM.find((f) => fs.existsSync(f.file));
  if (!found) {
    throw new NoCjkFontError(
      'No CJK font found for PDFs. Install Noto CJK (Debian: apt-get install fonts-noto-cjk) or set CASEDESK_CJK_FONT to a .ttf/.otf/.ttc file.',
    );
  }
  return found;
}
