// The offline page in a real browser: Debian's headless Chromium (no downloaded browser) loads
// dist/gwlint.html from file://, lints the seed, a faulty draft, a GBK file and a .docx, and the
// findings it highlights must be exactly what `gwlint check --format json` reports for the same
// input. It applies one fix and all safe fixes (the result must equal `gwlint check --fix`),
// downloads the annotated .docx, works from the keyboard, and makes no network request at all.
//
//   node web/test/browser.mjs <gwlint binary> [dist/gwlint.html]
//
// Writes a screenshot to dist/gwlint-page.png and prints the page's size and its time to lint
// the seed.

import puppeteer from "puppeteer-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.resolve(process.argv[2] || path.join(repo, "target/debug/gwlint"));
const page_ = path.resolve(process.argv[3] || path.join(repo, "dist/gwlint.html"));
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gwlint-web-"));
const downloads = path.join(work, "downloads");
fs.mkdirSync(downloads);

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// What the CLI reports for a file, in a folder with no gwlint.toml (as the page has none).
function cliFindings(file) {
  const copy = path.join(work, path.basename(file));
  if (path.resolve(file) !== copy) fs.copyFileSync(file, copy);
  const out = execFileSync(cli, ["check", "--format", "json", "--exit-zero", copy], { cwd: work, encoding: "utf-8" });
  return JSON.parse(out).map((d) => `${d.code}@${d.start.line}:${d.start.column}`).sort();
}

function cliFixed(file) {
  const copy = path.join(work, "fixed-" + path.basename(file));
  fs.copyFileSync(file, copy);
  try { execFileSync(cli, ["check", "--fix", "--quiet", copy], { cwd: work, stdio: "ignore" }); } catch { /* exit 1: findings remain */ }
  return fs.readFileSync(copy, "utf-8");
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir: path.join(work, "profile"),
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});
const page = await browser.newPage();
await page.setViewport({ width: 1400, height: 900 });

// Every request the page makes, seen by the browser's own network layer (CDP), not by the page.
const requests = [];
const cdp = await page.createCDPSession();
await cdp.send("Network.enable");
cdp.on("Network.requestWillBeSent", (e) => requests.push(e.request.url));
await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });

const pageUrl = pathToFileURL(page_).href;
const loadStart = Date.now();
await page.goto(pageUrl);
await page.waitForFunction(() => document.body.dataset.ready, { timeout: 60000 });
const ready = await page.evaluate(() => document.body.dataset.ready);
check(ready === "true", `the page loads its engine from file:// (${Date.now() - loadStart} ms)`);
const offline = await page.$eval("#offline-note", (e) => e.textContent);
check(offline.includes("不会上传") && offline.includes("不发出任何网络请求"), "the page says the draft never leaves the computer");

// What the page shows: each listed finding as code@line:column, and whether its text is marked.
async function shown() {
  return page.evaluate(() => {
    const r = window.gwlintPage.state.result;
    const listed = [...document.querySelectorAll("#findings li")].map((li) => r.diagnostics[Number(li.dataset.index)]);
    const marked = new Set();
    for (const m of document.querySelectorAll("#draft mark")) for (const i of m.dataset.index.split(" ")) marked.add(Number(i));
    // The marked text of each finding with a non-empty span: the concatenation of its marks.
    const wrong = [];
    for (const d of listed) {
      if (d.start === d.end) continue;
      const text = [...document.querySelectorAll("#draft mark")]
        .filter((m) => m.dataset.index.split(" ").includes(String(d.index)))
        .map((m) => [...m.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(""))
        .join("");
      if (text !== r.text.slice(d.start, d.end).replace(/\n/g, "")) wrong.push(`${d.code}: “${text}” ≠ “${r.text.slice(d.start, d.end)}”`);
    }
    return {
      findings: listed.map((d) => `${d.code}@${d.line}:${d.column}`).sort(),
      unmarked: listed.filter((d) => !marked.has(d.index)).map((d) => d.code),
      wrong,
      ms: Number(document.body.dataset.lintMs),
    };
  });
}

async function paste(text) {
  await page.evaluate(() => { document.querySelector("#edit").click(); });
  await page.$eval("#input", (e, t) => { e.value = t; e.dispatchEvent(new Event("input")); }, text);
  await page.click("#check");
  await page.waitForFunction(() => !document.querySelector("#view-area").classList.contains("hidden"));
}

function sameAsCli(label, file, got) {
  const want = cliFindings(file);
  const missing = want.filter((x) => !got.findings.includes(x));
  const extra = got.findings.filter((x) => !want.includes(x));
  check(missing.length === 0 && extra.length === 0 && want.length > 0,
    `${label}: the page shows the CLI's ${want.length} findings` + (missing.length || extra.length ? ` (missing ${missing}, extra ${extra})` : ""));
  check(got.unmarked.length === 0 && got.wrong.length === 0,
    `${label}: every finding is highlighted on its own text` + (got.unmarked.length ? ` (unmarked: ${got.unmarked})` : "") + (got.wrong.length ? ` (${got.wrong.join("; ")})` : ""));
}

// 1. The seed, pasted.
const seed = path.join(repo, "fixtures/seed/jiangmen-work-rules-2023.txt");
await paste(fs.readFileSync(seed, "utf-8"));
const seedShown = await shown();
sameAsCli("seed", seed, seedShown);
const seedMs = seedShown.ms;

// 2. A faulty draft, pasted; then one fix, then all safe fixes.
const badTxt = path.join(repo, "fixtures/drafts/baogao-road-maintenance.txt");
const badText = fs.readFileSync(badTxt, "utf-8");
await paste(badText);
sameAsCli("faulty draft", badTxt, await shown());

const before = await page.evaluate(() => window.gwlintPage.state.result.diagnostics.length);
const target = await page.evaluate(() => {
  const r = window.gwlintPage.state.result;
  const d = r.diagnostics.find((d) => d.fix && d.fix.applicability === "safe" && d.fix.edits.length);
  return d && { index: d.index, code: d.code, edit: d.fix.edits[0] };
});
check(!!target, "the faulty draft has a safe fix to apply");
const button = await page.$(`#findings li[data-index="${target.index}"] button.apply`);
await button.click();
await page.waitForFunction((n) => window.gwlintPage.state.result.diagnostics.length !== n, {}, before);
const afterOne = await page.evaluate(() => ({ n: window.gwlintPage.state.result.diagnostics.length, text: window.gwlintPage.state.result.text }));
const oneFixed = badText.slice(0, target.edit.start) + target.edit.replacement + badText.slice(target.edit.end);
check(afterOne.text === oneFixed && afterOne.n === before - 1, `applying ${target.code}'s fix changes exactly its text and removes that one finding (${before} → ${afterOne.n})`);

await page.click("#fix-all");
await page.waitForFunction(() => /已应用全部安全修复/.test(document.querySelector("#status").textContent));
const allFixed = await page.evaluate(() => window.gwlintPage.state.result.text);
check(allFixed === cliFixed(badTxt), "“应用全部安全修复” gives the same text as gwlint check --fix");

// Keyboard: Alt+↓ selects the first finding and focuses it; Enter opens its explanation.
await page.keyboard.down("Alt");
await page.keyboard.press("ArrowDown");
await page.keyboard.up("Alt");
const focused = await page.evaluate(() => document.activeElement && document.activeElement.matches("#findings li.current"));
await page.keyboard.press("Enter");
const explained = await page.evaluate(() => {
  const box = document.querySelector("#findings li.current .explain");
  return box ? box.textContent : "";
});
check(focused && explained.includes("依据"), "Alt+↓ moves to a finding and Enter shows its 说明和依据");

// Filters: only errors.
await page.evaluate(() => {
  for (const box of document.querySelectorAll(".sev")) { box.checked = box.value === "error"; box.dispatchEvent(new Event("change")); }
});
const onlyErrors = await page.evaluate(() => [...document.querySelectorAll("#findings li")].every((li) =>
  window.gwlintPage.state.result.diagnostics[Number(li.dataset.index)].severity === "error"));
check(onlyErrors, "the severity filter shows only errors");
await page.evaluate(() => {
  for (const box of document.querySelectorAll(".sev")) { box.checked = true; box.dispatchEvent(new Event("change")); }
});

// 3. A GBK file (the faulty draft as Notepad's “ANSI” saves it), chosen through the file input.
const gbk = path.join(work, "报告.gbk.txt");
execFileSync("python3", ["-c", "import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], encoding='utf-8').read().encode('gbk'))", badTxt, gbk]);
const input = await page.$("#file");
await input.uploadFile(gbk);
await page.waitForFunction(() => window.gwlintPage.state.name.endsWith(".gbk.txt") && window.gwlintPage.state.result
  && !document.querySelector("#view-area").classList.contains("hidden"));
sameAsCli("GBK file", gbk, await shown());

// 4. A .docx, chosen through the file input; then its annotated copy downloaded.
const docx = path.join(repo, "fixtures/docx/tongzhi-fire-safety.docx");
await input.uploadFile(docx);
await page.waitForFunction(() => window.gwlintPage.state.kind === "docx");
sameAsCli(".docx", docx, await shown());
await page.click("#annotate");
let annotated = "";
for (let i = 0; i < 100 && !annotated; i++) {
  await new Promise((r) => setTimeout(r, 100));
  annotated = fs.readdirSync(downloads).find((f) => f.endsWith(".gwlint.docx") && !f.endsWith(".crdownload")) || "";
}
const zip = annotated ? fs.readFileSync(path.join(downloads, annotated)) : Buffer.alloc(0);
check(annotated !== "" && zip.subarray(0, 2).toString() === "PK" && zip.includes("word/comments.xml"),
  `the annotated .docx downloads (${annotated || "nothing"}, ${zip.length} bytes, with word/comments.xml)`);
if (annotated) {
  const copy = path.join(work, "annotated.docx");
  fs.copyFileSync(path.join(downloads, annotated), copy);
  const reread = JSON.parse(execFileSync(cli, ["check", "--format", "json", "--exit-zero", copy], { cwd: work, encoding: "utf-8" }));
  check(Array.isArray(reread), "gwlint reads the annotated copy back");
}

// A refused format says what it is.
fs.writeFileSync(path.join(work, "草稿.pdf"), "%PDF-1.7\n");
await input.uploadFile(path.join(work, "草稿.pdf"));
await page.waitForFunction(() => document.querySelector("#status").classList.contains("error"));
const refused = await page.$eval("#status", (e) => e.textContent);
check(refused.includes("PDF") && refused.includes("另存为"), "a PDF is refused with what to do");
const afterRefusal = await page.evaluate(() => window.gwlintPage.state.name);
check(!afterRefusal.endsWith(".pdf"), `a refused file leaves the draft as it was (${afterRefusal})`);

// A Markdown file stays Markdown when its text is edited on the page.
const md = path.join(work, "请示.md");
fs.copyFileSync(path.join(repo, "fixtures/drafts/qingshi-school-repair.md"), md);
await input.uploadFile(md);
await page.waitForFunction(() => window.gwlintPage.state.name === "请示.md" && window.gwlintPage.state.result.kind === "markdown");
await page.evaluate(() => { document.querySelector("#edit").click(); });
await page.$eval("#input", (e) => { e.value += "\n补充一句,请审阅.\n"; e.dispatchEvent(new Event("input")); });
await page.click("#check");
await page.waitForFunction(() => window.gwlintPage.state.result.text.includes("补充一句"));
const edited = await page.evaluate(() => ({ name: window.gwlintPage.state.name, kind: window.gwlintPage.state.result.kind }));
check(edited.name === "请示.md" && edited.kind === "markdown", `an edited .md is still linted as Markdown (${edited.name}, ${edited.kind})`);

// A settings error clears the earlier results instead of leaving them standing.
await page.$eval("#config", (e) => { e.value = "[document]\nsender = “某某局”\n"; });
await page.evaluate(() => window.gwlintPage.check());
const badConfig = await page.evaluate(() => ({
  listed: document.querySelectorAll("#findings li").length,
  counts: document.querySelector("#counts").textContent,
  status: document.querySelector("#status").textContent,
}));
check(badConfig.listed === 0 && badConfig.counts.includes("未能检查") && badConfig.status.includes("英文半角双引号") && badConfig.status.includes("第 2 行"),
  `a settings error clears the old results and says what to do (${badConfig.status})`);
await page.$eval("#config", (e) => { e.value = ""; });

// Back to the seed for the screenshot.
await paste(fs.readFileSync(seed, "utf-8"));
await page.evaluate(() => document.querySelector("#findings li") && document.querySelector("#findings li").click());
const shot = path.join(repo, "dist/gwlint-page.png");
await page.screenshot({ path: shot, fullPage: false });

const outside = requests.filter((u) => u !== pageUrl && !u.startsWith("data:") && !u.startsWith("blob:"));
check(outside.length === 0, `no network request left the page (${requests.length} loads in all: the page itself, data: and blob: only)` +
  (outside.length ? `: ${outside.join(", ")}` : ""));
check(consoleErrors.length === 0, "no script error" + (consoleErrors.length ? `: ${consoleErrors.join(" | ")}` : ""));

await browser.close();
fs.rmSync(work, { recursive: true, force: true });
const size = fs.statSync(page_).size;
console.log(`page: ${(size / 1048576).toFixed(1)} MB; seed linted in the browser in ${seedMs} ms; screenshot: ${path.relative(repo, shot)}`);
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
