#!/usr/bin/env node
// Checks (or, with --update, rewrites) the committed API reports of the package in the current directory.
// One report per entry point of package.json "exports", from the built .d.ts files, by api-extractor.
// Usage, from a package folder after its build: node ../../scripts/api-report.mjs [--update]
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const packageFolder = process.cwd();
const packageJsonFullPath = join(packageFolder, 'package.json');
const manifest = JSON.parse(readFileSync(packageJsonFullPath, 'utf8'));
// LINLI_API_REPORTS points the check at another folder of reports; the check's own test uses it.
const reportFolder = process.env.LINLI_API_REPORTS ?? join(packageFolder, 'api');

/** Exported subpaths with a single .d.ts file (pattern exports such as `./define/*.js` are skipped). */
const entries = Object.entries(manifest.exports ?? {})
  .filter(([subpath, target]) => typeof target === 'object' && !subpath.includes('*') && target.types)
  .map(([subpath, target]) => ({
    // "." → "core", "./seed" → "core-seed", "./cdn/linli.js" → "widgets-cdn-linli"
    name: [
      manifest.name.replace(/^@[^/]+\//, ''),
      ...subpath
        .replace(/^\.\/?/, '')
        .replace(/\.js$/, '')
        .split('/'),
    ]
      .filter(Boolean)
      .join('-'),
    dts: resolve(packageFolder, target.types),
  }));

if (update) mkdirSync(reportFolder, { recursive: true });
let failed = false;
for (const entry of entries) {
  if (!existsSync(entry.dts)) {
    console.error(`api-report: ${entry.dts} is missing; build the package first.`);
    process.exit(1);
  }
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(packageFolder, 'api-extractor.json'),
    packageJsonFullPath,
    configObject: {
      projectFolder: packageFolder,
      newlineKind: 'lf',
      mainEntryPointFilePath: entry.dts,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            module: 'ESNext',
            moduleResolution: 'Bundler',
            strict: true,
            skipLibCheck: true,
            // The server's declarations name Node's Buffer and streams.
            types: ['node'],
          },
          include: [entry.dts],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.name,
        reportFolder,
        reportTempFolder: join(packageFolder, 'node_modules/.api-report'),
        includeForgottenExports: false,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          // Findings are printed, not written into the report: they carry source line numbers, and a
          // report that changes when a comment moves would fail every unrelated change.
          default: { logLevel: 'warning', addToApiReportFile: false },
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          // Documented in TSDoc where it matters; release tags are not used in this repository.
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-internal-missing-underscore': { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (message) => {
      // The report itself says what changed; the hint below says what to do.
      if (
        message.messageId === 'console-api-report-changed' ||
        message.messageId === 'console-api-report-copied'
      )
        message.logLevel = 'none';
      if (
        message.messageId === 'console-api-report-not-copied' ||
        message.messageId === 'console-api-report-unchanged' ||
        message.messageId === 'console-compiler-version-notice'
      )
        message.logLevel = 'none';
    },
  });
  if (result.apiReportChanged && !update) {
    failed = true;
    console.error(
      `\n✖ The public API of ${manifest.name} (${entry.name}) differs from api/${entry.name}.api.md.\n` +
        '  If the change is intended, run `npm run api` at the repository root and commit the updated report.\n',
    );
  } else if (result.errorCount > 0) {
    // Warnings (an unresolved {@link}, a type named but not exported) are printed above and do not
    // fail the check; only errors and a changed report do.
    failed = true;
    console.error(`✖ api-extractor failed for ${manifest.name} (${entry.name}).`);
  } else if (update && result.apiReportChanged) {
    console.log(`api-report: updated api/${entry.name}.api.md`);
  }
}
if (failed) process.exit(1);
console.log(
  `api-report: ${manifest.name}: ${entries.length} report(s) ${update ? 'written' : 'match the build'}.`,
);
