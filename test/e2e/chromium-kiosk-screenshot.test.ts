// `gongshi player --kiosk chromium` answers the remote screenshot command: the real CLI opens Debian's
// Chromium (headless here) on its display, a real controller sends the command, and the PNG it stores
// is the screen, not a blank frame. DevTools go over a pipe: Chromium listens on no TCP port.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { calendarDateAt } from '../../shared/dates/calendar-date.ts';
import { PNG_SIGNATURE } from '../../shared/protocol/commands.ts';
import { demoListRows, toCsv } from '../../controller/server/demo/demo-lists.ts';
import { chromiumKioskArgs } from '../../cli/commands/kiosk.ts';
import { importAndApprove, startControllerHarness } from '../support/controller-harness.ts';
import { requireBuiltDisplay } from '../support/player-harness.ts';
import { decodePng, distinctSampledColours } from '../support/png-pixels.ts';
import { tempDir } from '../support/temp-dir.ts';
import { waitFor } from '../support/wait-for.ts';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'gongshi.mjs');
const WINDOW = { width: 1280, height: 720 };
// Debian's Chromium headless in a CI container (root, no GPU, no network chatter), at a known size.
const HEADLESS_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--window-size=${WINDOW.width},${WINDOW.height}`, `--screen-info={${WINDOW.width}x${WINDOW.height}}`];

/** Child processes of `pid`, and theirs (Linux /proc). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields after its closing ')' are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** The processes whose parent is `pid`. */
function directChildren(pid: number): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

/** Socket inodes in LISTEN state over TCP, IPv4 and IPv6. */
function listeningInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function listeningSocketsOf(pids: number[]): string[] {
  const listening = listeningInodes();
  const found: string[] = [];
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && listening.has(inode)) found.push(`pid ${pid} fd ${fd}`);
      } catch {
        // closed meanwhile
      }
    }
  }
  return found;
}

function startCli(controllerUrl: string, dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [CLI, 'player', '--controller', controllerUrl, '--data', dataDir, '--kiosk', 'chromium'], {
    env: { ...process.env, GONGSHI_LOG_LEVEL: 'silent', GONGSHI_CHROMIUM_FLAGS: HEADLESS_FLAGS.join(' ') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('screenshots from the standalone Chromium kiosk', () => {
  it('opens Chromium with DevTools over a pipe, never a port', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:8081/?token=t', '/tmp/profile', ['--disable-gpu']);
    assert.ok(args.includes('--remote-debugging-pipe'));
    assert.ok(!args.some((arg) => arg.startsWith('--remote-debugging-port') || arg.startsWith('--remote-debugging-address')));
    assert.equal(args.at(-1), 'http://127.0.0.1:8081/?token=t', 'the display URL comes last, after any extra flag');
  });

  it('answers a screenshot command sent through a real controller with a PNG of the screen', async (t) => {
    requireBuiltDisplay();
    const h = await startControllerHarness(tempDir(t));
    t.after(() => h.close());
    await importAndApprove(h, 'black', toCsv(demoListRows('black', calendarDateAt(Date.now(), 480), 4, 7)));
    const cli = startCli(h.url, tempDir(t));
    t.after(async () => {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
      await cli.exited;
    });

    const code = await waitFor('the player to print its pairing code', () => /pairing code: (\d{6})/.exec(cli.output())?.[1], { timeoutMs: 30_000 });
    const technician = await h.as('technician');
    const adopted = await technician.request('POST', '/api/v1/screens/adopt', { pairingCode: code, name: '乌海站大屏（Chromium）' });
    assert.equal(adopted.status, 201, JSON.stringify(adopted.body));
    const screenId = adopted.body.screenId as string;
    await waitFor('the screen to connect with its token', async () => {
      const screens = await technician.request('GET', '/api/v1/screens');
      const screen = screens.body.items.find((s: { id: string }) => s.id === screenId);
      return screen?.connected === true && screen.manifestVersion > 0;
    }, { timeoutMs: 30_000 });

    // The page paints its text once the CJK web font is in (a few seconds on a cold start): until
    // then the screen really is the bare background, so the technician's first shot may be too.
    const token = (await technician.login('technician')).body.token;
    const { shot, png, colours } = await waitFor(
      'a screenshot that shows the screen\'s content',
      async () => {
        const sent = await technician.request('POST', `/api/v1/screens/${screenId}/commands`, { kind: 'screenshot' });
        assert.equal(sent.status, 202, JSON.stringify(sent.body));
        const done = await waitFor('the screenshot command to finish', async () => {
          const history = await technician.request('GET', `/api/v1/screens/${screenId}/commands`);
          const item = history.body.items.find((c: { id: string }) => c.id === sent.body.commandId);
          return item && (item.status === 'succeeded' || item.status === 'failed') ? item : null;
        }, { timeoutMs: 30_000 });
        assert.equal(done.status, 'succeeded', JSON.stringify(done.error));
        const response = await fetch(`${h.url}${done.screenshotUrl}`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(response.status, 200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const count = distinctSampledColours(decodePng(bytes));
        return count >= 4 ? { shot: done, png: bytes, colours: count } : null;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE);
    assert.equal(png.length, shot.result.bytes);
    const pixels = decodePng(png);
    assert.deepEqual({ width: pixels.width, height: pixels.height }, WINDOW, 'the whole kiosk window');
    assert.ok(colours >= 4, `the screen has content, not one flat colour (${colours} colours sampled)`);

    // Nothing the kiosk started listens on TCP: DevTools are the player's pipe alone.
    if (process.platform === 'linux') {
      const browser = descendants(cli.child.pid ?? -1);
      assert.ok(browser.length > 0, 'Chromium runs under the player');
      assert.deepEqual(listeningSocketsOf(browser), []);
      assert.ok(listeningSocketsOf([cli.child.pid ?? -1]).length > 0, "the check does see a listener: the player's own display server");
    }

    // A browser that dies (a driver crash, an OOM kill) is started again and takes pictures again.
    const firstBrowser = directChildren(cli.child.pid ?? -1)[0];
    assert.ok(firstBrowser !== undefined, 'the kiosk browser is a child of the player');
    process.kill(firstBrowser, 'SIGKILL');
    await waitFor('the player to start the kiosk browser again', () => /starting it again/.test(cli.output()) && directChildren(cli.child.pid ?? -1).some((pid) => pid !== firstBrowser), { timeoutMs: 30_000 });
    await waitFor('a screenshot from the new browser', async () => {
      const sent = await technician.request('POST', `/api/v1/screens/${screenId}/commands`, { kind: 'screenshot' });
      const done = await waitFor('the screenshot command to finish', async () => {
        const history = await technician.request('GET', `/api/v1/screens/${screenId}/commands`);
        const item = history.body.items.find((c: { id: string }) => c.id === sent.body.commandId);
        return item && (item.status === 'succeeded' || item.status === 'failed') ? item : null;
      }, { timeoutMs: 30_000 });
      return done.status === 'succeeded';
    }, { timeoutMs: 45_000, intervalMs: 1_000 });

    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
  });
});
