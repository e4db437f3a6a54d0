import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../renderer/src/i18n/catalogues';
import appEn from '../../renderer/src/i18n/locales/en.json';
import appEs from '../../renderer/src/i18n/locales/es.json';
import leadEn from '../../renderer/src/lead/locales/en.json';
import leadEs from '../../renderer/src/lead/locales/es.json';
import { projectPaths } from '../../electron/launcher/project-paths';

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const { en, es } = catalogues;

describe('message catalogues', () => {
  it('share no section between the workstation’s catalogue and the lead’s, in either language', () => {
    for (const [app, lead] of [[appEn, leadEn], [appEs, leadEs]] as const) expect(Object.keys(app).filter((section) => section in lead)).toEqual([]);
  });

  it('English and Spanish have exactly the same keys', () => {
    expect(keysOf(es).sort()).toEqual(keysOf(en).sort());
  });

  it('every key the renderer asks for exists (dynamic keys by their prefix)', () => {
    // A plural key is asked for without its suffix (i18next picks _one, _other, … by count).
    const known = keysOf(en).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''));
    const used = sourceFiles(join(projectPaths().root, 'renderer', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*[`'"]([a-zA-Z0-9_.]+)(\$\{)?/g)].map((match) => ({ key: match[1]!, dynamic: !!match[2] })),
    );
    expect(used.length).toBeGreaterThan(20);
    for (const { key, dynamic } of used) {
      if (dynamic) expect(known.some((candidate) => candidate.startsWith(key)), key).toBe(true);
      else expect(known, key).toContain(key);
    }
  });

  it('leaves no Spanish entry untranslated (identical to English) except names and symbols', () => {
    const english = new Map(keysOf(en).map((key) => [key, key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en)]));
    const same = keysOf(es).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], es) === english.get(key));
    // Key names that are symbols or the same word in both languages (arrows, Esc, Ctrl, Alt, Tab) are not translations;
    // the audit lookup's example is a submission label, which is the server's ("Entrega 0001" would find nothing);
    // the queue's compact attempt mark is a symbol and a number (its words are queue.attempt).
    expect(same.filter((key) => !/^keys\.|^units\.|^rubric\.level$|^evidence\.size$|^evidence\.kind\.audio$|^hosted\.downloads\.(rate|file)$|^audit\.placeholder$|^queue\.attemptShort$/.test(key))).toEqual([]);
  });

  it('names the award in Spanish as what the submission is (“Otorgada”), not with the button’s verb (“Otorgar”)', () => {
    expect(appEs.decision.outcomes.award).not.toBe(appEs.decision.award);
    expect(appEs.queue.outcome.award).not.toBe(appEs.decision.award);
  });
});
