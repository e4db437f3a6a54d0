import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectPaths } from '../../electron/launcher/project-paths';
import { sqliteBindingOverride } from '../../electron/main/packaged-env';

const root = projectPaths().root;
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { asar?: boolean; asarUnpack?: string[]; electronFuses?: Record<string, boolean> };

describe('packaging', () => {
  it('flips the fuses that close the ways into a packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names only fuses electron-builder knows (a misspelt one would be ignored, not refused)', () => {
    const scheme = JSON.parse(readFileSync(createRequire(join(root, 'package.json')).resolve('app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    for (const fuse of Object.keys(config.electronFuses ?? {})) expect(Object.keys(scheme.definitions.FuseOptionsV1.properties), fuse).toContain(fuse);
  });

  it('is built on a supported Electron major (its Chromium decodes untrusted video)', () => {
    const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const installed = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    expect(devDependencies.electron).toMatch(/^\^45\./);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('loads a native module from ASSESSOR_SQLITE_BINDING only when not packaged', () => {
    const env = { ASSESSOR_SQLITE_BINDING: '/tmp/evil/better_sqlite3.node' };
    expect(sqliteBindingOverride(false, env)).toBe('/tmp/evil/better_sqlite3.node');
    expect(sqliteBindingOverride(true, env)).toBe('');
    expect(sqliteBindingOverride(false, {})).toBe('');
  });
});
