-- Drives the language server from Neovim's built-in LSP client (no VS Code code at all): open one
-- file, wait for its diagnostics, ask for a hover, write both as JSON to $SM_OUT.
local out = os.getenv('SM_OUT')
local file = os.getenv('SM_FILE')
local result = { diagnostics = nil, hover = nil }
local id = vim.lsp.start_client({
  cmd = { 'node', '--import', 'tsx', os.getenv('SM_SERVER'), '--stdio' },
  cmd_cwd = os.getenv('SM_REPO'),
  root_dir = os.getenv('SM_ROOT'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, params)
      if params.uri == vim.uri_from_fname(file) then result.diagnostics = params.diagnostics end
    end,
  },
})
vim.cmd('edit ' .. file)
vim.lsp.buf_attach_client(0, id)
vim.wait(20000, function() return result.diagnostics ~= nil end, 50)
local client = vim.lsp.get_client_by_id(id)
local resp = client and client.request_sync('textDocument/hover', { textDocument = { uri = vim.uri_from_fname(file) }, position = { line = 0, character = 3 } }, 10000, 0)
if resp and resp.result then result.hover = resp.result.contents.value end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
