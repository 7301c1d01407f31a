import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCredentials } from './demo-credentials';
import { embeddedSettings } from './embedded-settings';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Issue 23, finding 6: the embedded demo's files are its owner's alone, and the informant key is not kept beside the data. */
describe('the embedded mode’s files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'binh-yen-files-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps the informant key outside DATA_DIR, readable by its owner only, the same at every start', () => {
    const env = { DATA_DIR: join(root, 'data'), BINHYEN_KEYS_DIR: join(root, 'keys') };
    const first = embeddedSettings(env);
    expect(readdirSync(first.dataDir, { recursive: true }).map(String).filter((file) => /key/i.test(file))).toEqual([]);
    const keyFiles = readdirSync(join(root, 'keys'));
    expect(keyFiles).toHaveLength(1);
    expect(modeOf(join(root, 'keys'))).toBe('700');
    expect(modeOf(join(root, 'keys', keyFiles[0]!))).toBe('600');
    expect(modeOf(first.dataDir)).toBe('700');
    expect(embeddedSettings(env).informantKey).toBe(first.informantKey);
  });

  it('moves a key an older version left in DATA_DIR out of it, and keeps using it', () => {
    const dataDir = join(root, 'data');
    embeddedSettings({ DATA_DIR: dataDir, BINHYEN_KEYS_DIR: join(root, 'unused') });
    rmSync(join(root, 'unused'), { recursive: true });
    const legacy = 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=';
    writeFileSync(join(dataDir, '.informant-key'), `${legacy}\n`, { mode: 0o644 });
    const settings = embeddedSettings({ DATA_DIR: dataDir, BINHYEN_KEYS_DIR: join(root, 'keys') });
    expect(settings.informantKey).toBe(legacy);
    expect(existsSync(join(dataDir, '.informant-key'))).toBe(false);
  });

  it('writes the demo tokens for its owner only', async () => {
    const { file } = await demoCredentials({ secret: 'a-secret-for-the-file-mode-test-0123456789' }, root);
    expect(modeOf(file)).toBe('600');
  });
});
