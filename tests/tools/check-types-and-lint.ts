// The typecheck and the lint in one process, sharing TypeScript's work: `tsc -b tsconfig.json` builds one
// program per project (shared, node, web, tests), checks every file and keeps the types it worked out;
// ESLint's type-aware rules then ask those same programs instead of building and checking a program of
// their own, which was about half of the lint's time. What each reports is what `npm run typecheck` and
// `npm run lint` report (those stay for an editor's day); `npm test` runs this.
//
// Usage: tsx tests/tools/check-types-and-lint.ts <summary.json>
// Writes { typecheck: { ok, seconds }, lint: { ok, seconds } } there; exits 0 when both passed.
import { writeFileSync } from 'node:fs';
import ts from 'typescript';
import { ESLint } from 'eslint';
import { projectPaths } from '../../electron/launcher/project-paths';

interface Outcome {
  ok: boolean;
  seconds: number;
}

const root = projectPaths().root;
const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

/** `tsc -b tsconfig.json`, every project built afresh; the programs it checked, for the lint. */
function typecheck(): Outcome & { programs: ts.Program[] } {
  const started = performance.now();
  const programs: ts.Program[] = [];
  let errors = 0;
  const host = ts.createSolutionBuilderHost(ts.sys, undefined, (diagnostic) => {
    if (diagnostic.category === ts.DiagnosticCategory.Error) errors += 1;
    process.stdout.write(ts.formatDiagnosticsWithColorAndContext([diagnostic], formatHost));
  });
  // The builder lets go of each program once its project is done; holding it keeps its checker's answers.
  host.afterProgramEmitAndDiagnostics = (builderProgram) => programs.push(builderProgram.getProgram());
  // Afresh (force): a project the last build left up to date would give no program to lint with.
  const exitStatus = ts.createSolutionBuilder(host, [`${root}/tsconfig.json`], { force: true }).build();
  const ok = exitStatus === ts.ExitStatus.Success && errors === 0;
  return { ok, seconds: (performance.now() - started) / 1000, programs };
}

/** `eslint --max-warnings 0 .`, its type information from the typecheck's programs. */
async function lint(programs: ts.Program[]): Promise<Outcome> {
  const started = performance.now();
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parserOptions: { programs, project: null } } }],
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results);
  if (output) process.stdout.write(`${output}\n`);
  const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
  return { ok: problems === 0, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const summaryFile = process.argv[2];
  const checked = typecheck();
  console.log(checked.ok ? `✔ typecheck (${checked.seconds.toFixed(1)} s)` : '✘ typecheck failed');
  // Without programs (a project whose config failed to load) the lint cannot type its files: it fails.
  const linted = checked.programs.length > 0 ? await lint(checked.programs) : { ok: false, seconds: 0 };
  console.log(linted.ok ? `✔ lint (${linted.seconds.toFixed(1)} s)` : '✘ lint failed');
  const summary = { typecheck: { ok: checked.ok, seconds: checked.seconds }, lint: linted };
  if (summaryFile) writeFileSync(summaryFile, JSON.stringify(summary));
  process.exit(checked.ok && linted.ok ? 0 : 1);
}

void main();
