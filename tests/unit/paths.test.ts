import { join } from 'node:path';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, keysFolderFor } from '../../electron/core/platform/paths';

describe('data folder', () => {
  it('honours ASSESSOR_DATA_DIR first', () => {
    expect(defaultDataDir({ ASSESSOR_DATA_DIR: '/data/aw' }, 'linux')).toBe('/data/aw');
  });
  it('follows each OS’s app-data convention otherwise', () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Assessor Workstation'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Assessor Workstation'));
    expect(defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(join('C:/Users/a/AppData/Roaming', 'Assessor Workstation'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Assessor Workstation'));
  });
});

describe('keys folder', () => {
  it('sits beside the data folder, never inside it, however the data folder is written', () => {
    for (const dataDir of ['/data/aw', '/data/aw/', '/data/aw/.', '/data/x/../aw']) expect(keysFolderFor(dataDir)).toBe('/data/aw-keys');
  });
});
