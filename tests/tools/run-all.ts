// `npm test`: the build, typecheck, lint, unit, integration and end-to-end tests (each vitest
// project a run of its own), then the time each layer took, and last one line
// `N passed, N failed, N skipped` over all of them (what CI reads). Typecheck, lint and build count as
// one check each.
// ASSESSOR_SKIP_E2E=1 skips end-to-end tests, loudly.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumInstallCommand, findChromium, hasPoppler } from '../e2e/harness';
import { projectPaths } from '../../electron/launcher/project-paths';

const root = projectPaths().root;
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
interface Layer extends Counts {
  name: string;
  /** Wall-clock seconds; null when the layer did not run. */
  seconds: number | null;
}
const layers: Layer[] = [];

/** Runs a command, its output going straight through; how long it took. */
function run(command: string, args: string[]): Promise<{ ok: boolean; seconds: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('close', (code) => {
      resolve({ ok: code === 0, seconds: (performance.now() - started) / 1000 });
    });
    child.once('error', (error) => {
      console.log(`✘ ${command} could not start: ${error.message}`);
      resolve({ ok: false, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** A check that passes or fails as a whole (typecheck, lint, build). */
async function check(name: string, title: string, command: string, args: string[]): Promise<boolean> {
  console.log(`\n▶ ${title}`);
  const { ok, seconds } = await run(command, args);
  layers.push({ name, seconds, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  console.log(ok ? `✔ ${title} (${seconds.toFixed(1)} s)` : `✘ ${title} failed`);
  return ok;
}

/** One vitest project in a run of its own, counted from its JSON report. */
async function vitestProject(name: string): Promise<void> {
  console.log(`\n▶ vitest: ${name}`);
  const reportDir = mkdtempSync(join(tmpdir(), 'assessor-vitest-'));
  const report = join(reportDir, 'report.json');
  const { seconds } = await run(bin('vitest'), ['run', '--project', name, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const layer: Layer = { name, seconds, passed: 0, failed: 0, skipped: 0 };
  try {
    const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; success: boolean };
    layer.passed = results.numPassedTests;
    layer.failed = results.numFailedTests;
    layer.skipped = results.numPendingTests + results.numTodoTests;
    // A suite that failed to load has no failed *tests*; still count it.
    if (!results.success && results.numFailedTests === 0) layer.failed += 1;
  } catch {
    console.log(`✘ vitest (${name}) wrote no report`);
    layer.failed += 1;
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
  console.log(`${layer.failed === 0 ? '✔' : '✘'} vitest: ${name}`);
  layers.push(layer);
}

/** A layer that could not run, counted as one failure. */
function notRun(name: string, why: string): void {
  console.log(`\n✘ ${why}`);
  layers.push({ name, seconds: null, passed: 0, failed: 1, skipped: 0 });
}

/** End-to-end tests, when they can run; they need the build, Chromium and poppler. */
async function endToEnd(built: boolean): Promise<void> {
  if (process.env.ASSESSOR_SKIP_E2E === '1') {
    console.log('\nSKIPPED: end-to-end tests in Chromium (ASSESSOR_SKIP_E2E=1). Unset it to run them.');
  } else if (!findChromium() || !hasPoppler()) {
    notRun('e2e', `end-to-end tests need Chromium and poppler, and ${findChromium() ? 'poppler' : 'Chromium'} was not found. Install them with:\n    ${chromiumInstallCommand}\n  (or set ASSESSOR_SKIP_E2E=1 to skip them, loudly).`);
  } else if (!built) {
    notRun('e2e', 'end-to-end tests not run: the build failed.');
  } else {
    await vitestProject('e2e');
  }
}

/** Typecheck and lint in one process sharing TypeScript's programs (check-types-and-lint.ts); two layers. */
async function typesAndLint(): Promise<void> {
  console.log('\n▶ typecheck, then lint with its programs');
  const summaryDir = mkdtempSync(join(tmpdir(), 'assessor-check-'));
  const summaryFile = join(summaryDir, 'summary.json');
  await run(bin('tsx'), [join(root, 'tests', 'tools', 'check-types-and-lint.ts'), summaryFile]);
  try {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Record<'typecheck' | 'lint', { ok: boolean; seconds: number }>;
    for (const name of ['typecheck', 'lint'] as const) {
      const { ok, seconds } = summary[name];
      layers.push({ name, seconds, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
    }
  } catch {
    notRun('typecheck', 'the typecheck and lint wrote no summary');
    notRun('lint', 'the lint could not run without the typecheck');
  } finally {
    rmSync(summaryDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  // Two lanes, a core each: the typecheck then the lint (one thread with its garbage collector, the
  // longest), and beside it the build then the unit tests. The layers that start servers, processes and
  // browsers run after, one at a time: integration tests beside the lint made both slower (lint 82 s →
  // 151 s), and on a loaded 2-core machine pages miss their waits.
  let built = false;
  await Promise.all([
    typesAndLint(),
    (async () => {
      built = await check('build', 'build (electron-vite: main, preload, renderer)', bin('electron-vite'), ['build']);
      await vitestProject('unit');
    })(),
  ]);
  await vitestProject('integration');
  await endToEnd(built);

  const totals = layers.reduce<Counts>((sum, layer) => ({ passed: sum.passed + layer.passed, failed: sum.failed + layer.failed, skipped: sum.skipped + layer.skipped }), { passed: 0, failed: 0, skipped: 0 });
  const seconds = (value: number | null): string => (value === null ? 'not run' : `${value.toFixed(1)} s`).padStart(9);
  console.log('\nTime per layer (wall clock)');
  // Not the final line's wording, so that nothing reading the output takes a layer for the total.
  for (const name of ['typecheck', 'lint', 'build', 'unit', 'integration', 'e2e']) {
    const layer = layers.find((candidate) => candidate.name === name);
    if (layer) console.log(`  ${name.padEnd(12)}${seconds(layer.seconds)}   ${layer.passed} passed · ${layer.failed} failed · ${layer.skipped} skipped`);
  }
  console.log(`  ${'all'.padEnd(12)}${seconds((performance.now() - started) / 1000)}`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

void main();
