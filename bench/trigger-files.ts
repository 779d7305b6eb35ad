import { analyzeCode } from '../shared/analysis/index.ts';
import { sessions as scripts } from '../eval/sessions/index.ts';
import { recordedFrames } from '../test/helpers/snapshots.ts';

// Realistic large files for the trigger benches: the recorded eval sessions' final programs of one
// language, copied with their functions renamed, until the file passes `lines` lines.

export async function fileOf(language: string, lines = 500): Promise<string> {
  const finals = scripts.filter((s) => s.language === language).map((s) => {
    const frames = recordedFrames(s).filter((f) => f.type === 'code_update');
    const last = frames[frames.length - 1];
    return last.type === 'code_update' ? last.code : '';
  });
  const parts: string[] = [];
  let n = 0;
  for (let copy = 0; n < lines; copy++) {
    for (const code of finals) {
      const a = await analyzeCode(code, language);
      let renamed = code;
      for (const f of a?.functions ?? []) {
        if (/^[A-Za-z_]\w*$/.test(f.name) && f.name !== 'main') renamed = renamed.replace(new RegExp(`\\b${f.name}\\b`, 'g'), `${f.name}${copy}`);
      }
      // Go and Java allow one package line / one public class per file: keep them, they still parse.
      parts.push(renamed);
      n += renamed.split('\n').length;
    }
  }
  return parts.join('\n');
}

