import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPaths } from '../../electron/launcher/project-paths';

// Lints probe snippets as if they stood at the given paths, with the project's own config (type
// information off: the boundary rules do not need it). Proves the boundaries are enforced by lint.
const eslint = new ESLint({
  cwd: projectPaths().root,
  overrideConfig: [{ ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { project: false, projectService: false } } }],
});

async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('architecture boundaries (lint)', () => {
  // Loading the config and the parser is the slow part: once, before the probes.
  beforeAll(() => eslint.lintText('', { filePath: 'electron/core/probe.ts' }), 60_000);

  it.each([
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/probe.ts', "import path from 'path';\nexport const a = path;\n"],
    ['renderer/src/probe.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/probe.ts', "import { createCore } from '../../electron/core/app/service';\nexport const a = createCore;\n"],
    ['renderer/src/probe.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const a = Database;\n"],
    ['electron/core/probe.ts', "import { startPreviewHost } from '../preview/server';\nexport const a = startPreviewHost;\n"],
    // Inside core: hosted/ is transport and imports no domain; the data layer imports neither; nothing imports the composition root.
    ['electron/core/hosted/probe.ts', "import { leadJobs } from '../lead/outbox';\nexport const a = leadJobs;\n"],
    ['electron/core/hosted/outbox/probe.ts', "import { decisionJob } from '../../scoring/outbox/decision';\nexport const a = decisionJob;\n"],
    ['electron/core/hosted/probe.ts', "import { outboxJobs } from '../app/outbox-jobs';\nexport const a = outboxJobs;\n"],
    ['electron/core/repositories/probe.ts', "import { recordChange } from '../audit/record-change';\nexport const a = recordChange;\n"],
    ['electron/core/repositories/probe.ts', "import { drainOutbox } from '../hosted/outbox/drain';\nexport const a = drainOutbox;\n"],
    ['electron/core/db/probe.ts', "import { SyncLoop } from '../hosted/sync-loop';\nexport const a = SyncLoop;\n"],
    ['electron/core/lead/probe.ts', "import { createCore } from '../app/service';\nexport const a = createCore;\n"],
    ['electron/core/scoring/probe.ts', "import { connectToHostedApi } from '../app/connection';\nexport const a = connectToHostedApi;\n"],
    // platform/ and process/ are core's ground floor (time, log, files, ports): they import no domain and no transport.
    ['electron/core/platform/probe.ts', "import { decisionJob } from '../scoring/outbox/decision';\nexport const a = decisionJob;\n"],
    ['electron/core/process/probe.ts', "import { SyncLoop } from '../hosted/sync-loop';\nexport const a = SyncLoop;\n"],
    ['electron/core/lead/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may not: %s', async (path, code) => {
    expect(await violations(path, code)).toContain('no-restricted-imports');
  });

  it('flags DOM and Node globals in shared/', async () => {
    expect(await violations('shared/probe.ts', 'export const a = window.location.href;\n')).toContain('no-restricted-globals');
    expect(await violations('shared/probe.ts', 'export const a = process.env.HOME;\n')).toContain('no-restricted-globals');
  });

  it('keeps SQL in core’s repositories', async () => {
    const query = "export const count = (db: { prepare(sql: string): { get(): unknown } }) => db.prepare('SELECT 1').get();\n";
    expect(await violations('electron/core/hosted/probe.ts', query)).toContain('no-restricted-syntax');
    expect(await violations('electron/core/lead/probe.ts', 'export const f = (o: { db: { pragma(s: string): void } }) => o.db.pragma("x");\n')).toContain('no-restricted-syntax');
    expect(await violations('electron/core/repositories/probe.ts', query)).toEqual([]);
  });

  it('allows the layers their own imports', async () => {
    expect(await violations('electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await violations('renderer/src/probe.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
    expect(await violations('electron/core/probe.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toEqual([]);
    // A domain imports transport, the data layer and another domain; the composition root imports every domain.
    expect(await violations('electron/core/lead/probe.ts', "import { enqueueJob } from '../hosted/outbox/job';\nimport { loadSnapshot } from '../repositories/quality';\nimport { calibrationSets } from '../calibration/qualification';\nexport const a = [enqueueJob, loadSnapshot, calibrationSets];\n")).toEqual([]);
    expect(await violations('electron/core/app/outbox-jobs.ts', "import { leadJobs } from '../lead/outbox';\nexport const a = leadJobs;\n")).toEqual([]);
    expect(await violations('electron/core/hosted/probe.ts', "import { listDue } from '../repositories/outbox';\nexport const a = listDue;\n")).toEqual([]);
  });
});
