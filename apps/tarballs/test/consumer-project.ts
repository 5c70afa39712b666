import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  notInRepoLock,
  type PackageLock,
  type PackedTarball,
  refreshTarballs,
  UPDATE_LOCK,
  withInstallScripts,
} from './lockfile.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixture/', import.meta.url));

/** The published packages, each packed to `tarballs/<short>.tgz` in the consumer project. */
const PACKAGES = ['core', 'widgets', 'app', 'server'] as const;

/**
 * The one install script the consumer project needs: better-sqlite3 compiles its addon (`node-gyp
 * rebuild`, minutes of C on two cores), and a prebuilt one would be a download. npm runs no script here
 * (`--ignore-scripts`); the repo's addon is copied instead. That is sound because both sides pin the
 * same better-sqlite3 version (checked) and load it into this very Node binary, so the ABI is the same.
 */
const NATIVE_ADDON = 'better-sqlite3';

/** What a command printed. */
export interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

/** A temp project outside the workspace with the packed tarballs installed. */
export interface ConsumerProject {
  readonly dir: string;
  /** Runs a command in the project, in the environment an adopter's shell would have. */
  exec(file: string, args: readonly string[]): Promise<Output>;
  remove(): void;
}

/**
 * Packs @linli/core, @linli/widgets, @linli/app (the server's pages) and @linli/server, copies the
 * committed fixture to a fresh temp folder (nothing of the workspace above it), points its lockfile at
 * the bytes just packed and installs with `npm ci --offline`. With `LINLI_TARBALLS_UPDATE_LOCK=1` it
 * first regenerates the fixture's lockfile from the registry and writes it back to the repo.
 */
export async function installConsumer(): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-tarballs-'));
  const exec = (file: string, args: readonly string[]) => runIn(dir, file, args);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await install(dir, exec);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, exec, remove };
}

async function install(dir: string, exec: ConsumerProject['exec']): Promise<void> {
  cpSync(fixture, dir, {
    recursive: true,
    filter: (source) => !/node_modules|[/\\](dist|data)$/.test(source),
  });
  const packed = await pack(join(dir, 'tarballs'));
  if (process.env.LINLI_TARBALLS_UPDATE_LOCK === '1') await updateLock(dir, exec);
  const lock = readJson<PackageLock>(join(dir, 'package-lock.json'));
  checkCacheable(lock);
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify(refreshTarballs(lock, packed), null, 2)}\n`,
  );
  await exec('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund']);
  placeNativeAddon(dir);
}

async function pack(into: string): Promise<PackedTarball[]> {
  mkdirSync(into, { recursive: true });
  const workspaces = PACKAGES.flatMap((p) => ['--workspace', `packages/${p}`]);
  const { stdout } = await runIn(repo, 'npm', ['pack', '--json', '--pack-destination', into, ...workspaces]);
  const reports = JSON.parse(stdout) as { name: string; version: string; filename: string }[];
  return PACKAGES.map((short) => {
    const report = reports.find((r) => r.name === `@linli/${short}`);
    if (!report) throw new Error(`npm pack wrote no tarball for @linli/${short}`);
    const file = join(into, `${short}.tgz`);
    cpSync(join(into, report.filename), file);
    rmSync(join(into, report.filename));
    const manifest = readJson<{ dependencies?: Record<string, string> }>(
      join(repo, 'packages', short, 'package.json'),
    );
    return {
      name: report.name,
      version: report.version,
      file: `tarballs/${short}.tgz`,
      dependencies: manifest.dependencies ?? {},
      bytes: readFileSync(file),
    };
  });
}

async function updateLock(dir: string, exec: ConsumerProject['exec']): Promise<void> {
  rmSync(join(dir, 'package-lock.json'), { force: true });
  // Registry URLs stay in the lockfile whatever the machine's npmrc says, so the offline install can
  // find each tarball in the cache by its integrity without asking the registry for metadata.
  await exec('npm', [
    'install',
    '--package-lock-only',
    '--ignore-scripts',
    '--omit-lockfile-registry-resolved=false',
  ]);
  cpSync(join(dir, 'package-lock.json'), join(fixture, 'package-lock.json'));
}

/** Fails early, in one line, where `npm ci --offline` would fail late or run less than it should. */
function checkCacheable(lock: PackageLock): void {
  const missing = notInRepoLock(lock, readJson<PackageLock>(join(repo, 'package-lock.json')));
  if (missing.length > 0) {
    throw new Error(
      `The fixture needs packages the repo's npm ci does not cache: ${missing.join(', ')}. ` +
        `Add them to the root devDependencies at these versions, or regenerate the lockfile: ${UPDATE_LOCK}`,
    );
  }
  const scripted = withInstallScripts(lock).filter((name) => name !== NATIVE_ADDON);
  if (scripted.length > 0) {
    throw new Error(
      `These packages need install scripts that --ignore-scripts skips: ${scripted.join(', ')}`,
    );
  }
}

function placeNativeAddon(dir: string): void {
  const fromRepo = dirname(
    createRequire(join(repo, 'packages/server/')).resolve(`${NATIVE_ADDON}/package.json`),
  );
  const inProject = join(dir, 'node_modules', NATIVE_ADDON);
  const version = (at: string) => readJson<{ version: string }>(join(at, 'package.json')).version;
  if (version(fromRepo) !== version(inProject)) {
    throw new Error(
      `${NATIVE_ADDON} ${version(inProject)} installed, but the repo built ${version(fromRepo)}`,
    );
  }
  const release = join('build', 'Release', 'better_sqlite3.node');
  if (!existsSync(join(fromRepo, release))) {
    throw new Error(
      `The repo's ${NATIVE_ADDON} has no built addon; build it with: npm rebuild ${NATIVE_ADDON}`,
    );
  }
  mkdirSync(dirname(join(inProject, release)), { recursive: true });
  cpSync(join(fromRepo, release), join(inProject, release));
}

/** Runs a command and fails with its own output (a bundler's or compiler's errors), not only its exit code. */
async function runIn(cwd: string, file: string, args: readonly string[]): Promise<Output> {
  try {
    return await run(file, args, { cwd, env: adopterEnv(), maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${file} ${args.join(' ')} failed in ${cwd}:\n${`${stdout}\n${stderr}`.trim().slice(-6000)}`,
    );
  }
}

/**
 * The environment an adopter's shell would have: without the `npm_*` settings `npm test` hands down (the
 * workspace's), and without vitest's `NODE_ENV=test` and `VITEST*`, under which Vite would bundle Lit's
 * development build.
 */
function adopterEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|vitest)/i.test(key) && key !== 'NODE_ENV'),
  );
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
