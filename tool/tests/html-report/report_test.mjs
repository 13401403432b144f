// report_test.mjs - the browser test of pgtable-migrate --html.
//
// Loads the report in headless Chromium (the system's, driven over the
// DevTools protocol by cdp.mjs: no npm package, so that the test runs
// offline) and checks it against the JSON diagnostics of the same run, by
// the DOM contract of tool/lib/HtmlReport.h: the summary's counts, one site
// per finding with its diff or its context, the filters (every combination
// of the three selects), the permalinks, and that the page fetches nothing
// and logs no error. A script can break without a sign in the HTML text:
// only a browser sees it. Prints every problem and exits 1 if any; saves a
// full-page screenshot for a reviewer to look at.
//
//   node report_test.mjs --report HTML --json FINDINGS.json --screenshot PNG
//
// CHROMIUM names the browser (default /usr/bin/chromium). cdp.mjs's flags
// let it run as root, in a chroot with a small tmpfs /dev, without a GPU.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { consoleText, describeException, launch } from './cdp.mjs';

const STATUSES = ['converted', 'refused', 'conflict'];
// Each filter's select (#filter-NAME) and the JSON field it filters on.
const FILTERS = { rule: 'rule', arch: 'arch', status: 'kind' };
const FILTER_NAMES = Object.keys(FILTERS);
const ALL = Object.fromEntries(FILTER_NAMES.map((n) => [n, '']));

const problems = [];
function problem(message) {
  if (!problems.includes(message))
    problems.push(message);
}
function check(ok, message) {
  if (!ok)
    problem(message);
  return ok;
}

function describe(filters) {
  const set = FILTER_NAMES.filter((n) => filters[n]);
  return set.length ? set.map((n) => `${n}=${filters[n]}`).join(' ') : 'none';
}

function sameSet(actual, expected) {
  const a = new Set(actual);
  return a.size === actual.length && a.size === expected.size &&
         [...expected].every((x) => a.has(x));
}

function listDifference(what, actual, expected) {
  const a = new Set(actual);
  const missing = [...expected].filter((x) => !a.has(x));
  const extra = [...a].filter((x) => !expected.has(x));
  return `${what}: missing [${missing.join(', ')}], unexpected ` +
         `[${extra.join(', ')}]`;
}

function readFindings(path) {
  const findings = JSON.parse(readFileSync(path, 'utf8')).findings;
  if (!Array.isArray(findings))
    throw new Error(`${path}: no "findings" array`);
  findings.forEach((f, i) => {
    for (const field of ['rule', 'arch', 'file', 'message'])
      if (typeof f[field] !== 'string')
        problem(`${path}: finding ${i} has no string "${field}"`);
    for (const field of ['line', 'column'])
      if (!Number.isInteger(f[field]))
        problem(`${path}: finding ${i} has no integer "${field}"`);
    if (!STATUSES.includes(f.kind))
      problem(`${path}: finding ${i} has kind "${f.kind}"`);
  });
  return findings;
}

function matches(finding, filters) {
  return FILTER_NAMES.every(
      (n) => !filters[n] || finding[FILTERS[n]] === filters[n]);
}

// Fails the test on anything the page logs as an error, throws, or fetches:
// the report is one self-contained file.
function watch(page, reportUrl) {
  page.on('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type === 'error')
      problem(`console error: ${consoleText(args)}`);
  });
  // What the browser itself logs (a CSP violation, a failed load, ...).
  page.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error')
      problem(`console error: ${entry.text}${
                  entry.url ? ` (${entry.url})` : ''}`);
  });
  page.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
      problem(`page error: ${describeException(exceptionDetails)}`));
  page.on('Inspector.targetCrashed', () => problem('the page crashed'));
  const urls = new Map();
  page.on('Network.loadingFailed', ({ requestId, errorText, blockedReason }) =>
      problem(`failed request: ${urls.get(requestId) ?? requestId} (${
                  [errorText, blockedReason && `blocked: ${blockedReason}`]
                      .filter(Boolean).join(', ')})`));
  page.on('Network.requestWillBeSent', ({ requestId, request }) => {
    const url = request.url + (request.urlFragment ?? '');
    urls.set(requestId, url);
    // data: URLs are inline (the CSP allows them for images).
    if (url.split('#')[0] !== reportUrl && !url.startsWith('data:'))
      problem(`request for ${url}: the report must fetch nothing`);
  });
}

// The static parts: CSP, no URL out of the file, the summary, the sites
// and their groups, the filters' options.
async function readPage(page) {
  return page.evaluate(() => {
    const counts = (tr) => {
      const c = {};
      for (const td of tr.querySelectorAll('td.count')) {
        const key = td.classList.contains('total') ? 'total'
                                                   : td.dataset.status;
        (c[key] ??= []).push(td.textContent.trim());
      }
      return c;
    };
    const text = (e, selector) =>
        e.querySelector(selector)?.textContent.trim();
    const total =
        document.querySelector('table#summary tfoot tr#summary-total');
    const selects = {};
    for (const name of ['rule', 'arch', 'status']) {
      const s = document.getElementById(`filter-${name}`);
      selects[name] = s && s.tagName === 'SELECT'
          ? [...s.options].map((o) => ({ value: o.value,
                                         text: o.textContent.trim() }))
          : null;
    }
    return {
      csp: document.querySelector(
          'meta[http-equiv="Content-Security-Policy" i]')?.content ?? null,
      urls: [...document.querySelectorAll('[src], [href]')]
                .map((e) => e.getAttribute('src') ?? e.getAttribute('href'))
                .filter((u) => !u.startsWith('#') && !u.startsWith('data:')),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      summary: document.querySelector('table#summary') && {
        rows: [...document.querySelectorAll(
                   'table#summary tbody tr.summary-row')].map((tr) => ({
          arch: tr.dataset.arch,
          rule: tr.dataset.rule,
          archCell: text(tr, 'td.arch'),
          ruleCell: text(tr, 'td.rule'),
          counts: counts(tr),
        })),
        total: total && counts(total),
      },
      selects,
      shown: document.getElementById('shown-count')?.textContent.trim(),
      total: document.getElementById('total-count')?.textContent.trim(),
      permalinks: [...document.querySelectorAll('a.permalink')].map((a) => ({
        href: a.getAttribute('href'),
        site: a.closest('article.site')?.id ?? null,
      })),
      groups: [...document.querySelectorAll('section.group')].map((g) => ({
        id: g.id,
        group: g.dataset.group,
      })),
      sites: [...document.querySelectorAll('article.site')].map((e) => {
        const diffs = [...e.querySelectorAll('table.diff')];
        const rows = diffs.flatMap((t) => [...t.querySelectorAll('tr')]);
        const contexts = [...e.querySelectorAll('pre.context')];
        return {
          id: e.id,
          rule: e.dataset.rule,
          arch: e.dataset.arch,
          status: e.dataset.status,
          file: e.dataset.file,
          line: e.dataset.line,
          column: e.dataset.column,
          group: e.dataset.group,
          section: e.closest('section.group')?.dataset.group ?? null,
          messages: [...e.querySelectorAll('p.message')]
                        .map((p) => p.textContent),
          diffs: diffs.length,
          badRows: rows.filter((tr) =>
              !['hunk', 'ctx', 'add', 'del'].some(
                  (c) => tr.classList.contains(c)) ||
              !tr.querySelector('td.code')).length,
          changedRows: rows.filter((tr) => tr.matches('.add, .del')).length,
          contexts: contexts.length,
          focusLines: contexts.flatMap(
              (p) => [...p.querySelectorAll('.line.focus')]).map(
              (l) => l.tagName),
        };
      }),
      diffHighlight: !!document.querySelector(
          'table.diff td.code :is(span.kw, span.fn)'),
      contextHighlight: !!document.querySelector(
          'pre.context :is(span.kw, span.id, span.fn, span.num, span.str, ' +
          'span.com, span.pp)'),
    };
  });
}

function checkSummary(dom, findings) {
  if (!check(dom.summary, 'no table#summary'))
    return;
  const expected = new Map();
  const total = { converted: 0, refused: 0, conflict: 0, total: 0 };
  for (const f of findings) {
    const key = `${f.arch} ${f.rule}`;
    if (!expected.has(key))
      expected.set(key, { converted: 0, refused: 0, conflict: 0, total: 0 });
    expected.get(key)[f.kind]++;
    expected.get(key).total++;
    total[f.kind]++;
    total.total++;
  }
  const checkCounts = (where, cells, want) => {
    for (const key of [...STATUSES, 'total']) {
      const got = cells[key] ?? [];
      const label = key === 'total' ? 'td.count.total'
                                    : `td.count[data-status=${key}]`;
      if (check(got.length === 1,
                `${where}: ${got.length} ${label} cells, expected 1`))
        check(/^\d+$/.test(got[0]) && Number(got[0]) === want[key],
              `${where}: ${label} is "${got[0]}", expected ${want[key]}`);
    }
  };
  const seen = new Set();
  for (const row of dom.summary.rows) {
    const key = `${row.arch} ${row.rule}`;
    const where = `summary row (arch=${row.arch}, rule=${row.rule})`;
    check(!seen.has(key), `${where}: twice`);
    seen.add(key);
    check(row.archCell === row.arch, `${where}: td.arch is "${row.archCell}"`);
    check(row.ruleCell === row.rule, `${where}: td.rule is "${row.ruleCell}"`);
    if (check(expected.has(key), `${where}: no such finding`))
      checkCounts(where, row.counts, expected.get(key));
  }
  for (const key of expected.keys())
    check(seen.has(key), `summary: no row for (arch, rule) = (${
                             key.replace(' ', ', ')})`);
  if (check(dom.summary.total, 'summary: no tfoot tr#summary-total'))
    checkCounts('#summary-total', dom.summary.total, total);
}

// Pairs each finding with its one article.site; returns the site ids by
// finding index (null where none matched).
function checkSites(dom, findings) {
  const siteKey = (s) =>
      JSON.stringify([s.rule, s.status, s.arch, s.line, s.column, s.message]);
  const unused = new Map();
  for (const s of dom.sites) {
    check(s.messages.length === 1,
          `#${s.id}: ${s.messages.length} p.message, expected 1`);
    const key = siteKey({ ...s, message: s.messages[0] });
    if (!unused.has(key))
      unused.set(key, []);
    unused.get(key).push(s);
  }
  const siteOf = findings.map((f) => {
    const key = siteKey({ rule: f.rule, status: f.kind, arch: f.arch,
                          line: String(f.line), column: String(f.column),
                          message: f.message });
    const candidates = unused.get(key) ?? [];
    const i = candidates.findIndex((s) => f.file.endsWith(`/${s.file}`));
    if (i < 0) {
      problem(`no article.site for finding ${f.kind} ${f.rule} (${f.arch}) ` +
              `at ${f.file}:${f.line}:${f.column}: ${f.message}`);
      return null;
    }
    return candidates.splice(i, 1)[0].id;
  });
  for (const s of [...unused.values()].flat())
    problem(`#${s.id} (${s.status} ${s.rule} at ${s.file}:${s.line}:${
              s.column}) matches no finding`);

  for (const s of dom.sites) {
    check(/^site-./.test(s.id), `article.site with id "${s.id}"`);
    check(s.section !== null && s.section === s.group,
          `#${s.id}: data-group "${s.group}" in section.group "${s.section}"`);
    if (s.status === 'converted') {
      check(s.diffs > 0, `#${s.id}: converted without table.diff`);
      check(s.changedRows > 0, `#${s.id}: table.diff without tr.add/tr.del`);
      check(s.badRows === 0, `#${s.id}: ${s.badRows} diff rows not ` +
                             'tr.hunk|ctx|add|del with a td.code');
    } else {
      check(s.contexts > 0, `#${s.id}: ${s.status} without pre.context`);
      check(s.focusLines.length === 1 && s.focusLines[0] === 'SPAN',
            `#${s.id}: ${s.focusLines.length} .line.focus in pre.context, ` +
            'expected one span');
    }
  }
  if (dom.sites.some((s) => s.status === 'converted'))
    check(dom.diffHighlight, 'no span.kw or span.fn in any table.diff');
  if (dom.sites.some((s) => s.status !== 'converted'))
    check(dom.contextHighlight, 'no highlighted span in any pre.context');
  return siteOf;
}

function checkStatic(dom, findings) {
  check(dom.csp !== null && dom.csp.includes("default-src 'none'"),
        `Content-Security-Policy meta is "${dom.csp}", expected ` +
        "default-src 'none'");
  for (const url of dom.urls)
    problem(`URL out of the report: ${url}`);
  const ids = new Set();
  for (const id of dom.ids) {
    check(!ids.has(id), `id "${id}" is not unique`);
    ids.add(id);
  }
  for (const g of dom.groups)
    check(g.id === `group-${g.group}`,
          `section.group data-group "${g.group}" has id "${g.id}"`);
  for (const p of dom.permalinks)
    check(p.site !== null && p.href === `#${p.site}`,
          `a.permalink href "${p.href}" in article #${p.site}`);
  for (const s of dom.sites)
    check(dom.permalinks.some((p) => p.site === s.id),
          `#${s.id}: no a.permalink`);
  for (const name of FILTER_NAMES) {
    const options = dom.selects[name];
    if (!check(options, `no select#filter-${name}`))
      continue;
    check(options[0]?.value === '' && options[0]?.text === 'all',
          `#filter-${name}: first option is not <option value="">all`);
    const values = options.slice(1).map((o) => o.value);
    const expected = new Set(findings.map((f) => f[FILTERS[name]]));
    check(sameSet(values, expected),
          listDifference(`#filter-${name} options`, values, expected));
  }
  check(dom.total === String(findings.length),
        `#total-count is "${dom.total}", expected ${findings.length}`);
}

async function setFilters(page, filters) {
  await page.evaluate((filters) => {
    for (const [name, value] of Object.entries(filters)) {
      const select = document.getElementById(`filter-${name}`);
      if (select.value !== value) {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
  }, filters);
}

async function readVisibility(page) {
  return page.evaluate(() => ({
    sites: [...document.querySelectorAll('article.site')].map((e) => ({
      id: e.id,
      visible: e.checkVisibility(),
      hidden: e.hasAttribute('hidden'),
    })),
    groups: [...document.querySelectorAll('section.group')].map((g) => ({
      id: g.id,
      visible: g.checkVisibility(),
      hidden: g.hasAttribute('hidden'),
      sites: [...g.querySelectorAll('article.site')].map((e) => e.id),
    })),
    selects: ['rule', 'arch', 'status'].map(
        (n) => document.getElementById(`filter-${n}`).value),
    shown: document.getElementById('shown-count')?.textContent.trim(),
    hash: location.hash,
  }));
}

// With FILTERS set, exactly the sites of the findings they match are
// visible (and the others have `hidden`), and so are their groups. Sites
// that match no finding (a problem already) are left out.
async function checkFiltered(page, findings, siteOf, filters) {
  await setFilters(page, filters);
  const state = await readVisibility(page);
  const where = `filters ${describe(filters)}`;
  check(state.selects.join() === FILTER_NAMES.map((n) => filters[n]).join(),
        `${where}: the selects hold ${state.selects.join(', ')}`);
  const matching = findings.filter((f) => matches(f, filters));
  const expected = new Set(
      findings.map((f, i) => matches(f, filters) && siteOf[i])
          .filter(Boolean));
  const known = new Set(siteOf);
  const sites = state.sites.filter((s) => known.has(s.id));
  const visible = sites.filter((s) => s.visible).map((s) => s.id);
  check(sameSet(visible, expected),
        listDifference(`${where}: visible sites`, visible, expected));
  const badHidden = sites.filter((s) => s.hidden === expected.has(s.id));
  check(badHidden.length === 0,
        `${where}: wrong hidden attribute on ${
            badHidden.map((s) => `#${s.id}`).join(', ')}`);
  for (const g of state.groups.filter(
           (g) => g.sites.every((id) => known.has(id)))) {
    const shown = g.sites.some((id) => expected.has(id));
    check(g.visible === shown && g.hidden === !shown,
          `${where}: #${g.id} is ${g.visible ? 'visible' : 'not visible'}` +
          `${g.hidden ? ' (hidden)' : ''} with ${
              shown ? 'a' : 'no'} matching site`);
  }
  check(state.shown === String(matching.length),
        `${where}: #shown-count is "${state.shown}", expected ${
            matching.length}`);
  check(state.hash === '', `${where}: the filters set location.hash to "${
                               state.hash}"`);
  return matching.length;
}

// Every combination of the selects' values: each value alone and with
// each value of the other selects.
function filterCombinations(findings) {
  let combinations = [{}];
  for (const name of FILTER_NAMES) {
    const values = ['', ...new Set(findings.map((f) => f[FILTERS[name]]))];
    combinations = combinations.flatMap(
        (c) => values.map((v) => ({ ...c, [name]: v })));
  }
  return combinations;
}

async function checkFilters(page, findings, siteOf) {
  const tally = { combinations: 0, pairsWithMatches: 0, empty: 0 };
  for (const filters of filterCombinations(findings)) {
    const shown = await checkFiltered(page, findings, siteOf, filters);
    const set = FILTER_NAMES.filter((n) => filters[n]).length;
    tally.combinations++;
    if (set >= 2 && shown > 0)
      tally.pairsWithMatches++;
    if (shown === 0)
      tally.empty++;
  }
  if (findings.length > 0)
    check(tally.pairsWithMatches > 0,
          'no combination of two filters has matches');
  return tally;
}

// Waits (up to 5 s: the scroll may be smooth) for site ID to be the
// visible :target with its top in the viewport.
async function checkTarget(page, id, where) {
  const targetState = (id) => {
    const e = document.getElementById(id);
    const top = e?.getBoundingClientRect().top;
    return { target: !!e?.matches(':target'), visible: !!e?.checkVisibility(),
             top, inView: top > -1 && top < innerHeight };
  };
  const deadline = Date.now() + 5000;
  let s;
  do {
    s = await page.evaluate(targetState, id);
    if (s.target && s.visible && s.inView)
      return;
    await page.waitForTimeout(100);
  } while (Date.now() < deadline);
  problem(`${where}: #${id} is ${s.target ? '' : 'not '}:target, ` +
          `${s.visible ? '' : 'not '}visible, its top at ${s.top} ` +
          `${s.inView ? 'in' : 'out of'} the viewport`);
}

// A permalink to a site that a filter hides shows it (the filters reset) and
// scrolls to it; so does loading the report with a site's hash.
async function checkPermalinks(page, newPage, reportUrl, findings, siteOf,
                               sitesInOrder) {
  const done = [];
  const findingOf = new Map(siteOf.map((id, i) => [id, findings[i]]));
  // The last sites of the page, for the scroll to show.
  const sites = sitesInOrder.filter((id) => findingOf.has(id)).reverse();
  let hiding = null;
  for (const id of sites) {
    const finding = findingOf.get(id);
    for (const name of FILTER_NAMES) {
      const field = FILTERS[name];
      const other = findings.find((f) => f[field] !== finding[field]);
      if (other) {
        hiding = { site: id, filters: { ...ALL, [name]: other[field] } };
        break;
      }
    }
    if (hiding)
      break;
  }
  if (hiding) {
    await checkFiltered(page, findings, siteOf, hiding.filters);
    const where = `#${hiding.site} under filters ${describe(hiding.filters)}`;
    await page.goto(`${reportUrl}#${hiding.site}`);
    await checkTarget(page, hiding.site, where);
    const state = await readVisibility(page);
    check(state.selects.every((v) => v === '') &&
              state.shown === String(findings.length),
          `${where}: filters not reset (selects ${state.selects.join(', ')}` +
          `, #shown-count ${state.shown})`);
    done.push(`#${hiding.site} under ${describe(hiding.filters)}`);
  }
  if (sites.length > 0) {
    const loaded = await newPage();
    await loaded.goto(`${reportUrl}#${sites[0]}`);
    await checkTarget(loaded, sites[0], `loading the report with #${sites[0]}`);
    await loaded.close();
    done.push(`loading with #${sites[0]}`);
  }
  return done;
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      report: { type: 'string' },
      json: { type: 'string' },
      screenshot: { type: 'string' },
    },
  });
  if (!args.report || !args.json || !args.screenshot) {
    console.error('usage: node report_test.mjs --report HTML ' +
                  '--json FINDINGS.json --screenshot OUT.png');
    return 2;
  }
  const findings = readFindings(args.json);
  if (problems.length > 0)
    return report();
  const reportUrl = pathToFileURL(resolve(args.report)).href;

  const browser = await launch();
  try {
    const newPage = async () => {
      const page = await browser.newPage(
          { viewport: { width: 1280, height: 800 } });
      watch(page, reportUrl);
      return page;
    };
    const page = await newPage();
    await page.goto(reportUrl);

    const dom = await readPage(page);
    checkStatic(dom, findings);
    checkSummary(dom, findings);
    const siteOf = checkSites(dom, findings);
    check(dom.shown === String(findings.length),
          `on load #shown-count is "${dom.shown}", expected ${
              findings.length}`);
    if (FILTER_NAMES.some((n) => !dom.selects[n]))
      return report();

    const tally = await checkFilters(page, findings, siteOf);
    await checkFiltered(page, findings, siteOf, ALL);
    await page.screenshot({ path: args.screenshot, fullPage: true });
    const targets = await checkPermalinks(
        page, newPage, reportUrl, findings, siteOf,
        dom.sites.map((s) => s.id));
    if (problems.length > 0)
      return report();

    const byStatus = STATUSES.map(
        (k) => `${findings.filter((f) => f.kind === k).length} ${k}`);
    console.log(
        `report_test: OK: ${findings.length} sites (${byStatus.join(', ')}) ` +
        `in ${dom.groups.length} groups, ${dom.summary.rows.length} summary ` +
        `rows, ${tally.combinations} filter combinations ` +
        `(${tally.pairsWithMatches} of 2-3 filters with matches, ` +
        `${tally.empty} empty), ${dom.permalinks.length} permalinks, ` +
        `targets: ${targets.join('; ') || 'none'}; ` +
        `screenshot ${args.screenshot}`);
    return 0;
  } finally {
    await browser.close();
  }
}

function report() {
  console.error(`report_test: ${problems.length} problem(s):`);
  for (const p of problems)
    console.error(`  ${p}`);
  return 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`report_test: ${e.stack ?? e}`);
  process.exitCode = 1;
}
