import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { expect, it } from 'vitest';

// Read and checked as electron-builder itself does when packaging: a misspelt fuse fails its schema here, a dropped one the list below.
it('packages the app with every Electron fuse that closes a way in', async () => {
  const config = await getConfig(process.cwd(), 'build/electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  });
});
