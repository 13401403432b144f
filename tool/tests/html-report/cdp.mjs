// cdp.mjs - a small Chrome DevTools Protocol client for report_test.mjs.
//
// Why not Playwright or Puppeteer: `make check` must run offline (a clean
// Debian 12 chroot, whose network may not reach any registry), so the
// browser test uses no npm package at all: only Debian's chromium and
// nodejs (18.x there: no global WebSocket), and node: built-ins.
//
// Chromium is started with --remote-debugging-pipe: the protocol runs over
// its fd 3 (we write, it reads) and fd 4 (it writes, we read), one JSON
// message per command, response or event, each ended by '\0'. Pages are
// driven in flat mode: Target.attachToTarget {flatten: true} gives a
// sessionId that the page's commands carry and its events come back with.
//
// Every command and every wait times out (60 s by default) with an error
// that names it; the browser is killed (its whole process group) and its
// temporary profile removed on close(), on process exit and on SIGINT,
// SIGTERM or SIGHUP. If this process is killed anyway, the closed pipe
// makes Chromium quit (only the profile is then left in $TMPDIR).

import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_TIMEOUT = 60000;
const STDERR_TAIL = 4000;

// The browsers of this process still running, for the exit handlers.
const live = new Set();
let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled)
    return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const browser of live)
      browser.kill();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      for (const browser of live)
        browser.kill();
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 })[signal]);
    });
  }
}

// PROMISE, or an error that names WHAT after MS ms (after ONTIMEOUT(),
// which returns more to say).
function withTimeout(promise, ms, what, onTimeout) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const more = onTimeout?.() ?? '';
      reject(new Error(`${what}: no answer from Chromium within ${
                           ms / 1000} s${more}`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Starts Chromium with a fresh profile and connects to it.
//   executablePath: default $CHROMIUM or /usr/bin/chromium
//   args: more command-line flags
//   timeout: for each command and wait, in ms
export async function launch({ executablePath, args = [],
                               timeout = DEFAULT_TIMEOUT } = {}) {
  installExitHandlers();
  const browser = new Browser(
      executablePath || process.env.CHROMIUM || '/usr/bin/chromium', args,
      timeout);
  try {
    await browser.send('Browser.getVersion');
  } catch (e) {
    browser.kill();
    await browser.exitPromise;
    throw e;
  }
  return browser;
}

class Browser {
  constructor(executable, args, timeout) {
    this.executable = executable;
    this.timeout = timeout;
    this.nextId = 1;
    this.calls = new Map();      // id -> { resolve, reject, method, session }
    this.sessions = new Map();   // sessionId -> Page
    this.stderr = '';
    this.exited = null;          // why the browser is gone, once it is
    this.profile = mkdtempSync(join(tmpdir(), 'report-test-chromium-'));
    this.process = spawn(executable, [
      '--headless=new', '--remote-debugging-pipe', '--no-sandbox',
      '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run',
      '--no-default-browser-check', `--user-data-dir=${this.profile}`,
      ...args, 'about:blank',
    ], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so that kill() gets the renderers too.
      detached: true,
    });
    live.add(this);
    this.exitPromise = new Promise((resolve) => {
      this.process.on('error', (e) => {
        this.gone(`cannot run ${executable}: ${e.message}`);
        resolve();
      });
      this.process.on('exit', (code, signal) => {
        this.gone(`${executable} exited with ${
                      signal ? `signal ${signal}` : `status ${code}`}`);
        resolve();
      });
    });
    this.process.stderr.setEncoding('utf8');
    this.process.stderr.on('data', (text) => {
      this.stderr = (this.stderr + text).slice(-STDERR_TAIL);
    });
    this.pipeOut = this.process.stdio[3];
    this.pipeIn = this.process.stdio[4];
    this.pipeOut.on('error', () => {});   // EPIPE: the exit says why
    this.pipeIn.on('error', () => {});
    let pending = [];
    this.pipeIn.on('data', (chunk) => {
      let start = 0;
      let end;
      while ((end = chunk.indexOf(0, start)) !== -1) {
        pending.push(chunk.subarray(start, end));
        const message = Buffer.concat(pending).toString('utf8');
        pending = [];
        start = end + 1;
        this.dispatch(message);
      }
      if (start < chunk.length)
        pending.push(chunk.subarray(start));
    });
  }

  // Chromium's last words, for an error message.
  log() {
    const tail = this.stderr.trim();
    return tail ? `\nChromium's stderr ends with:\n${tail}` : '';
  }

  gone(why) {
    if (this.exited)
      return;
    this.exited = why;
    live.delete(this);
    const error = new Error(`${why}${this.log()}`);
    for (const call of this.calls.values())
      call.reject(error);
    this.calls.clear();
    for (const page of this.sessions.values())
      page.emit('detached');
    this.sessions.clear();
  }

  dispatch(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      this.kill();
      this.gone(`unreadable message from Chromium: ${text.slice(0, 200)}`);
      return;
    }
    if (message.id !== undefined) {
      const call = this.calls.get(message.id);
      if (!call)
        return;
      this.calls.delete(message.id);
      if (message.error)
        call.reject(new Error(`${call.method}: ${message.error.message}${
            message.error.data ? ` (${message.error.data})` : ''}`));
      else
        call.resolve(message.result);
      return;
    }
    if (message.method === 'Target.detachedFromTarget') {
      const { sessionId } = message.params;
      const page = this.sessions.get(sessionId);
      this.sessions.delete(sessionId);
      for (const [id, call] of this.calls) {
        if (call.session === sessionId) {
          this.calls.delete(id);
          call.reject(new Error(`${call.method}: the page went away`));
        }
      }
      page?.emit('detached');
    }
    if (message.sessionId !== undefined)
      this.sessions.get(message.sessionId)?.emit(message.method,
                                                 message.params);
  }

  // Sends METHOD with PARAMS (to the page of SESSIONID if given); resolves
  // to its result, rejects on a protocol error, an exit or a timeout.
  send(method, params = {}, sessionId = undefined) {
    if (this.exited)
      return Promise.reject(new Error(`${method}: ${this.exited}${
                                          this.log()}`));
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId !== undefined)
      message.sessionId = sessionId;
    const answer = new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject, method, session: sessionId });
    });
    this.pipeOut.write(JSON.stringify(message) + '\0');
    return withTimeout(answer, this.timeout, method, () => {
      this.calls.delete(id);
      return this.log();
    });
  }

  // A new tab with Page, Runtime, Log and Network enabled (so that no
  // event of its first navigation is missed) and VIEWPORT as its size.
  async newPage({ viewport = { width: 1280, height: 800 } } = {}) {
    const { targetId } = await this.send('Target.createTarget',
                                         { url: 'about:blank' });
    const { sessionId } = await this.send(
        'Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, targetId, sessionId, viewport);
    this.sessions.set(sessionId, page);
    await Promise.all([
      page.send('Page.enable'),
      page.send('Page.setLifecycleEventsEnabled', { enabled: true }),
      page.send('Runtime.enable'),
      page.send('Log.enable'),
      page.send('Network.enable'),
      page.send('Emulation.setDeviceMetricsOverride', {
        width: viewport.width, height: viewport.height,
        deviceScaleFactor: 1, mobile: false,
      }),
    ]);
    return page;
  }

  // Kills the browser's process group now (for the exit handlers).
  kill() {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        process.kill(-this.process.pid, 'SIGKILL');
      } catch {
        try { this.process.kill('SIGKILL'); } catch { /* gone */ }
      }
    }
    live.delete(this);
    this.removeProfile();
  }

  removeProfile() {
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 3 });
    } catch { /* a file written after the kill: not worth a failure */ }
  }

  // Asks the browser to quit, kills it after 5 s, removes the profile.
  async close() {
    if (!this.exited) {
      this.send('Browser.close').catch(() => {});
      const quit = await Promise.race([
        this.exitPromise.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5000).unref()),
      ]);
      if (!quit)
        this.kill();
      await this.exitPromise;
    }
    // The renderers may outlive the browser process for a moment.
    try { process.kill(-this.process.pid, 'SIGKILL'); } catch { /* gone */ }
    live.delete(this);
    this.removeProfile();
  }
}

// One tab. Its protocol events are emitted under their method names
// ('Runtime.consoleAPICalled', ...) with their params.
class Page extends EventEmitter {
  constructor(browser, targetId, sessionId, viewport) {
    super();
    this.browser = browser;
    this.viewport = viewport;
    this.targetId = targetId;
    this.sessionId = sessionId;
    // The loaderIds whose load event has fired (it may come before the
    // answer to Page.navigate), and who waits for one.
    this.loaded = new Set();
    this.loadWaiters = new Map();
    this.on('Page.lifecycleEvent', ({ name, loaderId }) => {
      if (name !== 'load')
        return;
      this.loaded.add(loaderId);
      this.loadWaiters.get(loaderId)?.resolve();
    });
    const fail = (why) => () => {
      for (const { reject } of this.loadWaiters.values())
        reject(new Error(why));
    };
    this.on('Inspector.targetCrashed', fail('the page crashed'));
    this.on('detached', fail('the page went away'));
  }

  send(method, params = {}) {
    return this.browser.send(method, params, this.sessionId);
  }

  // Navigates to URL and waits for its load event; a URL that differs
  // from the current one only by its fragment navigates within the
  // document (no load).
  async goto(url) {
    const result = await this.send('Page.navigate', { url });
    if (result.errorText)
      throw new Error(`navigating to ${url}: ${result.errorText}`);
    const { loaderId } = result;
    if (!loaderId || this.loaded.has(loaderId))
      return;
    const load = new Promise((resolve, reject) => {
      this.loadWaiters.set(loaderId, { resolve, reject });
    });
    try {
      await withTimeout(load, this.browser.timeout, `loading ${url}`,
                        () => this.browser.log());
    } finally {
      this.loadWaiters.delete(loaderId);
    }
  }

  // Runs FN(ARG) in the page (FN's source, so it must not use closures;
  // ARG must be JSON) and resolves to its JSON result, awaiting a promise.
  // An exception in the page rejects.
  async evaluate(fn, arg) {
    const argText = arg === undefined ? '' : JSON.stringify(arg);
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${argText})`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(`evaluate in the page: ${describeException(
                          exceptionDetails)}`);
    return result.value;
  }

  // Saves the page as a PNG at PATH, all of it if FULLPAGE (at least the
  // viewport's width: the content's leaves out the scrollbar).
  async screenshot({ path, fullPage = false }) {
    const params = { format: 'png' };
    if (fullPage) {
      const { cssContentSize } = await this.send('Page.getLayoutMetrics');
      params.captureBeyondViewport = true;
      params.clip = {
        x: 0, y: 0, scale: 1,
        width: Math.max(Math.ceil(cssContentSize.width), this.viewport.width),
        height: Math.max(Math.ceil(cssContentSize.height),
                         this.viewport.height),
      };
    }
    const { data } = await this.send('Page.captureScreenshot', params);
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  waitForTimeout(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async close() {
    await this.browser.send('Target.closeTarget', { targetId: this.targetId });
  }
}

// The message of an exception in the page (Runtime.exceptionThrown's or
// Runtime.evaluate's exceptionDetails).
export function describeException(details) {
  return details.exception?.description ?? details.exception?.value ??
         details.text;
}

// The text of a console message (Runtime.consoleAPICalled's args).
export function consoleText(args) {
  return args.map((a) => a.value ?? a.unserializableValue ?? a.description ??
                         a.type).join(' ');
}
