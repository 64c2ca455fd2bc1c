-- gwlint 语言服务器（gwlint lsp）的 Neovim 配置，适用于 Neovim 0.7 至 0.11。
--
-- 用法：把本文件复制到 ~/.config/nvim/plugin/gwlint.lua（Windows：~/AppData/Local/nvim/plugin/），
-- 重启 Neovim，打开 Markdown（.md）或纯文本（.txt）草稿即可。不需要 nvim-lspconfig。
--
-- 按 Neovim 版本选用不同的接口：
--   0.11 及以上   vim.lsp.config + vim.lsp.enable
--   0.8 至 0.10   FileType 自动命令里调用 vim.lsp.start
--   0.7           FileType 自动命令里调用 vim.lsp.start_client + vim.lsp.buf_attach_client
-- 根目录：从文件所在目录向上，第一个含 gwlint.toml 或 .git 的目录；都没有时用文件所在目录。
--
-- 可选设置（写在 init.lua 里，它比 plugin/ 目录先执行）：
--   vim.g.gwlint_cmd = { '/path/to/gwlint', 'lsp' }   -- gwlint 不在 PATH 中时
--   vim.g.gwlint_fix_all_key = '<leader>gf'            -- “全部修复”的按键；设为 '' 则不映射
-- 命令 :GwlintFixAll 也可应用全部安全修复。
--
-- 测试于 Neovim 0.7.2（Debian 12）、0.10.4（Debian 13）和 0.11.4，见 tools/editor-smoke.sh。

if vim.g.loaded_gwlint_lsp then
  return
end
vim.g.loaded_gwlint_lsp = true

-- 0.6 及更早的版本（如 Ubuntu 22.04 的 0.6.1）没有 nvim_create_autocmd 和 vim.keymap。
if vim.fn.has('nvim-0.7') ~= 1 then
  vim.api.nvim_echo({ { 'gwlint：需要 Neovim 0.7 或更新版本', 'WarningMsg' } }, true, {})
  return
end

local cmd = vim.g.gwlint_cmd or { 'gwlint', 'lsp' }
local filetypes = { 'markdown', 'text' }
local root_markers = { 'gwlint.toml', '.git' }
local fix_all_kind = 'source.fixAll.gwlint'

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

-- 一键应用全部安全修复（与 gwlint check --fix 相同）。
local function fix_all()
  if has('0.8') then
    vim.lsp.buf.code_action({ context = { only = { fix_all_kind }, diagnostics = {} }, apply = true })
    return
  end
  -- 0.7 的 vim.lsp.buf.code_action() 不能按种类筛选并直接应用，自己发请求。
  local bufnr = vim.api.nvim_get_current_buf()
  local params = vim.lsp.util.make_range_params()
  params.context = { only = { fix_all_kind }, diagnostics = {} }
  vim.lsp.buf_request(bufnr, 'textDocument/codeAction', params, function(err, result, ctx)
    if err or type(result) ~= 'table' then
      return
    end
    local client = vim.lsp.get_client_by_id(ctx.client_id)
    for _, action in ipairs(result) do
      if action.edit and action.kind == fix_all_kind then
        vim.lsp.util.apply_workspace_edit(action.edit, client and client.offset_encoding or 'utf-16')
      end
    end
  end)
end
vim.api.nvim_create_user_command('GwlintFixAll', function()
  fix_all()
end, {})

local function on_attach(_, bufnr)
  -- 0.10 起 K 默认就是 vim.lsp.buf.hover()；更早的版本要自己映射。
  if not has('0.10') then
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr, desc = 'gwlint：规则说明' })
  end
  local key = vim.g.gwlint_fix_all_key
  if key == nil then
    key = '<leader>gf'
  end
  if key ~= '' then
    vim.keymap.set('n', key, fix_all, { buffer = bufnr, desc = 'gwlint：修复全部可安全修复的问题' })
  end
end

if vim.fn.executable(cmd[1]) ~= 1 then
  vim.schedule(function()
    vim.notify('gwlint：找不到可执行文件 ' .. cmd[1] .. '，请先安装 gwlint 或设置 vim.g.gwlint_cmd', vim.log.levels.WARN)
  end)
  return
end

if has('0.11') then
  vim.lsp.config('gwlint', {
    cmd = cmd,
    filetypes = filetypes,
    root_markers = root_markers,
    on_attach = on_attach,
  })
  vim.lsp.enable('gwlint')
  return
end

-- 0.7 没有 vim.fs，逐级向上查找标志文件。
local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local dir = start
  while true do
    for _, marker in ipairs(root_markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local clients = {} -- 0.7：根目录 -> 客户端 id

-- Neovim 0.10（已知 0.10.2 至 0.10.4）把光标位置换算成 UTF-16 时有错（neovim/neovim#30692）：
-- 中文行里光标一过行长的三分之一，悬停和快速修复就按行尾请求。0.10 改用 UTF-8 位置，避开换算。
local capabilities, offset_encoding
if has('0.10') then
  capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.general = capabilities.general or {}
  capabilities.general.positionEncodings = { 'utf-8' }
  offset_encoding = 'utf-8'
end

local function attach(args)
  local bufnr = args.buf
  -- 只处理真正的文件缓冲区，不处理悬停窗口等临时缓冲区（它们的 filetype 也可能是 markdown）。
  if vim.bo[bufnr].buftype ~= '' then
    return
  end
  local root = root_dir(bufnr)
  local config = {
    name = 'gwlint',
    cmd = cmd,
    root_dir = root,
    on_attach = on_attach,
    capabilities = capabilities,
    offset_encoding = offset_encoding,
  }
  if has('0.8') then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('gwlint_lsp', { clear = true }),
  pattern = filetypes,
  callback = attach,
})
