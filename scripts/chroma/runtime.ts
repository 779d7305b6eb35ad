import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The chromadb native binding references GLIBC_2.39 symbols.
const REQUIRED_GLIBC: readonly [number, number] = [2, 39];
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const TAIL_LINES = 40;

// Debian multiarch layout of the trixie libc6 package, per Node architecture.
const LOADERS: Record<string, { triplet: string; loader: string }> = {
  x64: { triplet: 'x86_64-linux-gnu', loader: 'ld-linux-x86-64.so.2' },
  arm64: { triplet: 'aarch64-linux-gnu', loader: 'ld-linux-aarch64.so.1' },
};

export function systemGlibcVersion(): string | null {
  if (process.platform !== 'linux') return null;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const fromReport = report?.header?.glibcVersionRuntime;
  if (fromReport) return fromReport;
  try {
    const out = execFileSync('ldd', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /(\d+\.\d+)\s*$/m.exec(out.split('\n')[0] ?? '')?.[1] ?? null;
  } catch {
    return null; // musl or no ldd: not a glibc system, nothing we can fix here
  }
}

function glibcTooOld(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < REQUIRED_GLIBC[0] || (major === REQUIRED_GLIBC[0] && minor < REQUIRED_GLIBC[1]);
}

function loaderPaths(glibcDir: string): { libDir: string; loader: string } {
  const arch = LOADERS[process.arch];
  if (!arch) throw new Error(`private glibc is not supported on architecture ${process.arch}`);
  const libDir = path.join(glibcDir, 'usr', 'lib', arch.triplet);
  return { libDir, loader: path.join(libDir, arch.loader) };
}

export function defaultGlibcDir(): string {
  if (process.env.CHROMA_GLIBC_DIR) return path.resolve(process.env.CHROMA_GLIBC_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'live-assess', 'glibc-trixie');
}

// Reuse the machine's own Debian mirror (proxies, local mirrors) rather than hardcoding one.
function debianMirror(): string {
  try {
    const deb822 = readFileSync('/etc/apt/sources.list.d/debian.sources', 'utf8');
    for (const stanza of deb822.split(/\n\s*\n/)) {
      const field = (name: string): string[] =>
        new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza)?.[1]?.trim().split(/\s+/) ?? [];
      if (field('Suites').includes('bookworm') && field('URIs')[0]) return field('URIs')[0]!;
    }
  } catch { /* fall through to the one-line format */ }
  try {
    const list = readFileSync('/etc/apt/sources.list', 'utf8');
    const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s/m.exec(list);
    if (m?.[1]) return m[1];
  } catch { /* no sources.list */ }
  return 'http://deb.debian.org/debian';
}

async function exec(cmd: string, args: string[], cwd?: string): Promise<void> {
  try {
    await run(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    const detail = (e.stderr || e.stdout || '').trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message.split('\n')[0]}\n${detail}`);
  }
}

export async function ensurePrivateGlibc(
  opts: { cacheDir?: string; log?: (msg: string) => void } = {},
): Promise<string | null> {
  const version = systemGlibcVersion();
  if (version === null || !glibcTooOld(version)) return null;
  const target = path.resolve(opts.cacheDir ?? defaultGlibcDir());
  // The folder only ever appears via rename of a finished extraction, so existence means complete.
  if (existsSync(loaderPaths(target).loader)) return target;

  const log = opts.log ?? (() => {});
  const started = Date.now();
  log(`system glibc ${version} < ${REQUIRED_GLIBC.join('.')}: fetching trixie glibc into ${target}`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Same parent as target so the final rename stays on one filesystem.
  const tmp = await fs.mkdtemp(`${target}.tmp-`);
  try {
    const dirs = { lists: path.join(tmp, 'lists'), cache: path.join(tmp, 'cache'), debs: path.join(tmp, 'debs'), root: path.join(tmp, 'root') };
    // apt-get refuses to create these itself.
    for (const d of [path.join(dirs.lists, 'partial'), path.join(dirs.cache, 'archives', 'partial'), dirs.debs, dirs.root]) {
      await fs.mkdir(d, { recursive: true });
    }
    const sourceList = path.join(tmp, 'sources.list');
    await fs.writeFile(sourceList,
      `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${debianMirror()} trixie main\n`);
    const aptOpts = [
      '-q',
      '-o', `Dir::Etc::SourceList=${sourceList}`,
      '-o', 'Dir::Etc::SourceParts=/dev/null',
      '-o', `Dir::State::Lists=${dirs.lists}`,
      '-o', `Dir::Cache=${dirs.cache}`,
      // Local pins are written for bookworm and must not steer candidate selection here.
      '-o', 'Dir::Etc::Preferences=/dev/null',
      '-o', 'Dir::Etc::PreferencesParts=/dev/null',
      // As root apt drops to _apt, which cannot write into our private dirs.
      ...(process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : []),
    ];
    // --error-on=any: otherwise a failed fetch exits 0 and only shows up later as "unable to locate".
    await exec('apt-get', [...aptOpts, '--error-on=any', 'update']);
    await exec('apt-get', [...aptOpts, 'download', 'libc6', 'libstdc++6', 'libgcc-s1'], dirs.debs);
    for (const deb of (await fs.readdir(dirs.debs)).filter((f) => f.endsWith('.deb'))) {
      await exec('dpkg-deb', ['-x', path.join(dirs.debs, deb), dirs.root]);
    }
    const { loader } = loaderPaths(dirs.root);
    const { stdout } = await run(loader, ['--version'], { encoding: 'utf8' });
    const got = /version (\d+\.\d+)/.exec(stdout)?.[1];
    if (!got || glibcTooOld(got)) throw new Error(`downloaded glibc is ${got ?? 'unknown'}, need >= ${REQUIRED_GLIBC.join('.')}`);
    try {
      await fs.rename(dirs.root, target);
    } catch (err) {
      // A concurrent run finished first; its copy is just as good.
      if (!existsSync(loaderPaths(target).loader)) throw err;
    }
    log(`private glibc ${got} ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return target;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

let cliPath: string | undefined;
// chromadb's "exports" hides dist/cli.mjs, so locate the package root and read its bin entry.
function chromaCliPath(): string {
  if (cliPath) return cliPath;
  let dir = path.dirname(createRequire(import.meta.url).resolve('chromadb'));
  for (;;) {
    const pkgFile = path.join(dir, 'package.json');
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name?: string; bin?: Record<string, string> };
      if (pkg.name === 'chromadb' && pkg.bin?.chroma) return (cliPath = path.join(dir, pkg.bin.chroma));
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot locate the chromadb package root');
    dir = parent;
  }
}

export function chromaCommand(opts: { dataDir: string; host: string; port: number; glibcDir: string | null }): {
  command: string;
  args: string[];
} {
  const args = [chromaCliPath(), 'run', '--path', opts.dataDir, '--host', opts.host, '--port', String(opts.port)];
  if (!opts.glibcDir) return { command: process.execPath, args };
  const { libDir, loader } = loaderPaths(opts.glibcDir);
  // Invoking the loader directly keeps the private glibc scoped to this one process.
  return { command: loader, args: ['--library-path', libDir, process.execPath, ...args] };
}

export async function chromaAnswers(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/api/v2/heartbeat`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    const body = (await res.json()) as Record<string, unknown>;
    return typeof body['nanosecond heartbeat'] === 'number';
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startChroma(opts: {
  dataDir: string;
  host?: string;
  port: number;
  cacheDir?: string;
  log?: (line: string) => void;
}): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${opts.port}`;
  const log = opts.log ?? (() => {});
  // Otherwise a foreign server on the port would pass the heartbeat while our child dies on bind.
  if (await chromaAnswers(url, 1_000)) throw new Error(`something already answers on ${url}; pick another port`);

  const glibcDir = await ensurePrivateGlibc({ cacheDir: opts.cacheDir, log });
  await fs.mkdir(opts.dataDir, { recursive: true });
  const { command, args } = chromaCommand({ dataDir: path.resolve(opts.dataDir), host, port: opts.port, glibcDir });
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });

  const tail: string[] = [];
  const onLine = (raw: string) => {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, ''); // the banner is coloured regardless of NO_COLOR
    if (!line.trim()) return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    log(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  }

  // 'close' rather than 'exit': it fires only after stdio drained, so the tail holds the last words.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (err) => { spawnError = err; });
  // Do not leave an orphaned server behind if the parent exits without calling stop().
  const killOnExit = () => { child.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  const alive = () => child.exitCode === null && child.signalCode === null && !spawnError;

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (!alive()) return;
    // Not SIGTERM: chromadb 3.5's server logs "shutting down" on SIGTERM, then spins at 100% CPU
    // forever (chroma-core/chroma#5594). SIGINT reaches the CLI's own handler and exits in ~0.1 s.
    child.kill('SIGINT');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (!alive()) {
      if (!spawnError) await exited;
      const why = spawnError ? spawnError.message : `exited with ${child.exitCode ?? child.signalCode}`;
      throw new Error(`chroma ${why} before answering on ${url}\n--- last output ---\n${tail.join('\n')}`);
    }
    if (await chromaAnswers(url, 1_000)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`chroma did not answer on ${url} within ${STARTUP_TIMEOUT_MS / 1000}s\n--- last output ---\n${tail.join('\n')}`);
    }
    await Promise.race([sleep(250), exited]);
  }
  return { url, child, stop };
}
