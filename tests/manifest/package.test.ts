/** npm run package: the app package zip with exactly the files Teams expects. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PackageError, buildAppPackage, packageFiles } from '../../scripts/package.js';
import { provisionedOverrides, repoRoot } from './provisioned.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'app-package-'));
}

describe('npm run package', () => {
  it.each(['dev', 'local'])(
    'builds appPackage.%s.zip with exactly the manifest, en.json and both icons at the root',
    async (env) => {
      const outDir = tempDir();
      try {
        const result = await buildAppPackage({
          env,
          root: repoRoot,
          outDir,
          overrides: provisionedOverrides(env),
        });
        expect(result.zipPath).toBe(join(outDir, `appPackage.${env}.zip`));
        const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
        expect(Object.keys(zip.files).sort()).toEqual([...packageFiles].sort());

        const manifestText = await zip.file('manifest.json')!.async('string');
        expect(manifestText).not.toContain('${{');
        const manifest = JSON.parse(manifestText) as {
          id: string;
          icons: { color: string; outline: string };
        };
        expect(manifest.id).toBe(provisionedOverrides(env).TEAMS_APP_ID);
        // The manifest refers to files that sit next to it in the zip.
        expect(zip.file(manifest.icons.color)).not.toBeNull();
        expect(zip.file(manifest.icons.outline)).not.toBeNull();
        const color = await zip.file('color.png')!.async('nodebuffer');
        expect(color.equals(readFileSync(join(repoRoot, 'manifest', 'color.png')))).toBe(true);
        const en = JSON.parse(await zip.file('en.json')!.async('string')) as Record<string, string>;
        expect(en['name.short']).toBe('Conversation cycle');
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  );

  it('fails clearly on a missing variable and writes no zip', async () => {
    const outDir = tempDir();
    try {
      const overrides = { ...provisionedOverrides('dev') };
      delete overrides.BOT_ID;
      const build = buildAppPackage({ env: 'dev', root: repoRoot, outDir, overrides });
      await expect(build).rejects.toThrow(PackageError);
      await expect(buildAppPackage({ env: 'dev', root: repoRoot, outDir, overrides })).rejects.toThrow(
        /BOT_ID/,
      );
      expect(existsSync(join(outDir, 'appPackage.dev.zip'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('refuses a value the schema does not accept, naming the field', async () => {
    const outDir = tempDir();
    try {
      const overrides = { ...provisionedOverrides('dev'), BOT_ID: 'not-a-guid' };
      await expect(buildAppPackage({ env: 'dev', root: repoRoot, outDir, overrides })).rejects.toThrow(
        /\/bots\/0\/botId/,
      );
      expect(existsSync(join(outDir, 'appPackage.dev.zip'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('runs from the command line with values from the environment', () => {
    // Writes appPackage/build/appPackage.dev.zip, the path the toolkit steps use (git ignores it).
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts', 'package.ts'), 'dev'],
      {
        cwd: repoRoot,
        env: { ...process.env, ...provisionedOverrides('dev') },
        encoding: 'utf8',
      },
    );
    expect(output).toContain(join('appPackage', 'build', 'appPackage.dev.zip'));
  });

  it('builds a manifest that @microsoft/app-manifest itself accepts, offline', async () => {
    const outDir = tempDir();
    try {
      const result = await buildAppPackage({
        env: 'dev',
        root: repoRoot,
        outDir,
        overrides: provisionedOverrides('dev'),
      });
      const manifestPath = join(outDir, 'manifest.json');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(manifestPath, JSON.stringify(result.manifest));
      // A separate Node process, since the library loads an ES-only dependency with require(); the schema comes
      // from the library's bundled copy (the $schema URL maps to it), so no network is used.
      const script = `
        const { AppManifestUtils } = require('@microsoft/app-manifest');
        const manifest = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
        globalThis.fetch = () => { throw new Error('network used'); };
        AppManifestUtils.validateAgainstSchema(manifest).then((errors) => console.log(JSON.stringify(errors)));
      `;
      const output = execFileSync(process.execPath, ['-e', script, manifestPath], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      expect(JSON.parse(output.trim().split('\n').at(-1) as string)).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
