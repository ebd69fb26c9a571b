import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Two real Syncthing instances on loopback sharing one folder, as on two of a
 * learner's computers: fixed ports chosen before start (each knows the other's
 * exact address), no global or local discovery, no relays, no NAT traversal,
 * no usage reports or upgrades. Each instance lives in its own home folder.
 */

export interface SyncthingPeer {
  name: string;
  home: string;
  folder: string;
  deviceId: string;
  listenPort: number;
  guiPort: number;
  apiKey: string;
  process?: ChildProcess;
}

const FOLDER_ID = 'studyline-progress';

/** A port free right now on 127.0.0.1, to write into a config as a fixed port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function generate(binary: string, home: string): string {
  const run = spawnSync(
    binary,
    ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'],
    { encoding: 'utf8', env: quietEnv(home) },
  );
  const id = /Device ID: ([A-Z0-9-]{63})/.exec(`${run.stdout}\n${run.stderr}`)?.[1];
  if (!id) throw new Error(`syncthing generate gave no device id:\n${run.stdout}${run.stderr}`);
  return id;
}

function quietEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1' };
}

function configXml(self: SyncthingPeer, other: SyncthingPeer): string {
  const device = (peer: SyncthingPeer) =>
    `<device id="${peer.deviceId}" name="${peer.name}" compression="metadata" introducer="false">` +
    `<address>tcp://127.0.0.1:${peer.listenPort}</address><autoAcceptFolders>false</autoAcceptFolders></device>`;
  return `<configuration version="36">
  <folder id="${FOLDER_ID}" label="Studyline" path="${self.folder}" type="sendreceive"
      rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="true">
    <device id="${self.deviceId}"></device>
    <device id="${other.deviceId}"></device>
  </folder>
  ${device(self)}
  ${device(other)}
  <gui enabled="true" tls="false"><address>127.0.0.1:${self.guiPort}</address><apikey>${self.apiKey}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <startBrowser>false</startBrowser>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <setLowPriority>false</setLowPriority>
  </options>
</configuration>
`;
}

async function api(peer: SyncthingPeer, route: string): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${peer.guiPort}${route}`, {
    headers: { 'X-API-Key': peer.apiKey },
    signal: AbortSignal.timeout(2000),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status}`);
  return response.json();
}

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Syncthing: ${what} did not happen within ${timeoutMs / 1000} s.`);
}

/** Starts both instances and waits until they are connected to each other. */
export async function startSyncthingPair(
  binary: string,
  root: string,
  names: [string, string],
): Promise<{ peers: [SyncthingPeer, SyncthingPeer]; stop: () => Promise<void> }> {
  const peers = [] as unknown as [SyncthingPeer, SyncthingPeer];
  for (const name of names) {
    const home = path.join(root, `syncthing-${name}`);
    const folder = path.join(root, `Sync-${name}`);
    await mkdir(folder, { recursive: true });
    peers.push({
      name,
      home,
      folder,
      deviceId: generate(binary, home),
      listenPort: await freePort(),
      guiPort: await freePort(),
      apiKey: `studyline-test-${name}`,
    });
  }
  const [a, b] = peers;
  await writeFile(path.join(a.home, 'config.xml'), configXml(a, b));
  await writeFile(path.join(b.home, 'config.xml'), configXml(b, a));
  for (const peer of peers) {
    peer.process = spawn(
      binary,
      [
        'serve',
        `--home=${peer.home}`,
        '--no-browser',
        '--no-restart',
        `--logfile=${path.join(peer.home, 'syncthing.log')}`,
      ],
      { env: quietEnv(peer.home), stdio: 'ignore' },
    );
  }
  const stop = async () => {
    await Promise.all(peers.map((peer) => stopPeer(peer)));
  };
  try {
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await until(`${self.name} connecting to ${other.name}`, 30_000, async () => {
        const state = (await api(self, '/rest/system/connections')) as {
          connections: Record<string, { connected: boolean }>;
        };
        return state.connections[other.deviceId]?.connected === true;
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { peers, stop };
}

async function stopPeer(peer: SyncthingPeer): Promise<void> {
  const child = peer.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
