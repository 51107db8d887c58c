/**
 * Provisions and runs Neo4j 5.26 Community embedded: builds the small Java launcher with Maven
 * (which fetches org.neo4j:neo4j and org.neo4j:neo4j-bolt from Maven Central once), then runs it on
 * Java 17 with the Bolt connector on 127.0.0.1 and its data in a folder of the project.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface EmbeddedNeo4jOptions {
  rootDir: string;
  dataDir: string;
  port: number;
  heap?: string;
  /** Page cache of the embedded database (default 256m). */
  pageCache?: string;
  /** Print the launcher's output (false in tests). */
  verbose?: boolean;
}

export interface RunningNeo4j {
  uri: string;
  /** Null when an already running instance on the port was reused. */
  process: ChildProcess | null;
  stop(): Promise<void>;
}

const launcherDir = (rootDir: string) => path.join(rootDir, 'scripts', 'neo4j-embedded');

/** Compiles the launcher and records its classpath, unless both are newer than the sources. */
export function buildLauncher(rootDir: string): { classpath: string } {
  const dir = launcherDir(rootDir);
  const cpFile = path.join(dir, 'target', 'classpath.txt');
  const classFile = path.join(dir, 'target', 'classes', 'fi', 'verkosto', 'neo4j', 'Launcher.class');
  const sources = [path.join(dir, 'pom.xml'), path.join(dir, 'src', 'main', 'java', 'fi', 'verkosto', 'neo4j', 'Launcher.java')];
  const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
  const fresh = [cpFile, classFile].every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs >= newest);
  if (!fresh) {
    process.stdout.write('neo4j: building the embedded launcher with Maven (first run fetches Neo4j 5.26)...\n');
    execFileSync('mvn', ['-q', '-B', '-f', path.join(dir, 'pom.xml'), 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return { classpath: `${path.join(dir, 'target', 'classes')}${path.delimiter}${fs.readFileSync(cpFile, 'utf8').trim()}` };
}

export function portAnswers(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<RunningNeo4j> {
  const uri = `bolt://127.0.0.1:${opts.port}`;
  if (await portAnswers(opts.port)) {
    process.stdout.write(`neo4j: reusing the instance already answering on ${uri}\n`);
    return { uri, process: null, stop: async () => {} };
  }
  const { classpath } = buildLauncher(opts.rootDir);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [`-Xmx${opts.heap ?? '1g'}`, '-XX:+UseG1GC', '-cp', classpath, 'fi.verkosto.neo4j.Launcher', opts.dataDir, String(opts.port), opts.pageCache ?? '256m'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logFile = fs.createWriteStream(path.join(opts.dataDir, 'launcher.log'), { flags: 'a' });
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  if (opts.verbose) child.stderr.pipe(process.stderr);

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`neo4j did not start within 180 s; see ${opts.dataDir}/launcher.log`)), 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('VERKOSTO_NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`neo4j launcher exited with code ${code}; see ${opts.dataDir}/launcher.log`));
    });
  });
  fs.writeFileSync(path.join(opts.dataDir, 'launcher.pid'), String(child.pid));

  return {
    uri,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', () => {
          clearTimeout(force);
          fs.rmSync(path.join(opts.dataDir, 'launcher.pid'), { force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Stops a launcher started by another process (npm stop), from its pid file. */
export function stopEmbeddedNeo4jByPidFile(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'launcher.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  fs.rmSync(pidFile, { force: true });
  return true;
}
