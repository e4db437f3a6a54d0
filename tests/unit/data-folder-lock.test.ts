import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from '../../electron/core/platform/data-folder-lock';

const folders: string[] = [];
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'assessor-lock-'));
  folders.push(dir);
  return dir;
};
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('one workstation per data folder', () => {
  it('refuses a second workstation while the first runs, saying which and what to do', () => {
    const dir = folder();
    writeFileSync(join(dir, 'workstation.lock'), String(process.ppid)); // a running process holds it
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUse);
    expect(() => lockDataFolder(dir)).toThrow(/Another Assessor Workstation \(process \d+\) is using .+\. Close it first, or set ASSESSOR_DATA_DIR to another folder\./);
    expect(readFileSync(join(dir, 'workstation.lock'), 'utf8')).toBe(String(process.ppid)); // left as it was
  });

  it('takes over a lock left by a process that is gone (a crash), and lets go on close', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, 'workstation.lock'), gone);
    const unlock = lockDataFolder(dir);
    expect(readFileSync(join(dir, 'workstation.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(join(dir, 'workstation.lock'))).toBe(false);
  });

  it('lets this same process open its folder again (a core reopened)', () => {
    const dir = folder();
    lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).not.toThrow();
  });
});
