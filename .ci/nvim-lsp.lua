-- Neovim's built-in LSP client runs `commitments lsp` on a ledger, waits
-- for its diagnostics and writes them to $OUT, one per line:
-- "<line> <code> <first line of the message>". Works with Neovim 0.7
-- (Debian 12), which has `vim.lsp.start_client` but not `vim.lsp.start`.
local ledger = assert(os.getenv('LEDGER'), 'LEDGER is the ledger to open')
local out = assert(os.getenv('OUT'), 'OUT is the file to write')
local bin = assert(os.getenv('COMMITMENTS'), 'COMMITMENTS is the binary')

vim.cmd('edit ' .. vim.fn.fnameescape(ledger))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'commitments',
  cmd = { bin, 'lsp', '--as-of', '2025-11-30' },
  root_dir = vim.fn.fnamemodify(ledger, ':p:h'),
})
assert(client, 'the language server did not start')
vim.lsp.buf_attach_client(buf, client)

local found = vim.wait(60000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

local file = assert(io.open(out, 'w'))
if not found then
  file:write('no diagnostics within 60 s\n')
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  local code = d.code or lsp.code or '?'
  local first = d.message:gsub('\n.*', '')
  file:write(string.format('%d %s %s\n', d.lnum + 1, code, first))
end
file:close()
vim.lsp.stop_client(client)
vim.cmd('qa!')
