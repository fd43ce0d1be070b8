-- Drives `perf lsp --stdio` from headless Neovim 0.7 (vim.lsp.start_client), as a user's editor would:
-- opens PERF_FILE, waits for its diagnostics, asks for completion at PERF_LINE:PERF_CHARACTER (0-based,
-- UTF-16) and writes what it got as JSON to PERF_OUT. Exits 0 when it got both, 1 otherwise.
local root = os.getenv('PERF_ROOT')
local file = os.getenv('PERF_FILE')
local out = os.getenv('PERF_OUT')
local line = tonumber(os.getenv('PERF_LINE'))
local character = tonumber(os.getenv('PERF_CHARACTER'))

local result = { diagnostics = vim.NIL, completion = vim.NIL, errors = {} }
local uri = vim.uri_from_fname(file)

local client_id = vim.lsp.start_client({
  name = 'perf',
  cmd = { 'node', root .. '/bin/perf.js', 'lsp', '--stdio' },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, params)
      if params.uri == uri then
        result.diagnostics = params.diagnostics
      end
    end,
  },
  on_exit = function(code)
    if code ~= 0 then table.insert(result.errors, 'server exited with ' .. code) end
  end,
})
if not client_id then
  table.insert(result.errors, 'vim.lsp.start_client failed')
else
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(60000, function() return result.diagnostics ~= vim.NIL end, 50) then
    table.insert(result.errors, 'no publishDiagnostics within 60 s')
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local response, err = client.request_sync('textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = line, character = character },
  }, 30000, bufnr)
  if response and response.result then
    local items = response.result.items or response.result
    local labels = {}
    for _, item in ipairs(items) do table.insert(labels, item.label) end
    result.completion = labels
  else
    table.insert(result.errors, 'completion failed: ' .. vim.inspect(err or (response and response.err)))
  end
  client.stop()
end

local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd(#result.errors == 0 and 'qall!' or 'cquit!')
