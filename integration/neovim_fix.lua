-- Drives Neovim (0.7 or later) as an editor user would: start the plugin's
-- language server on the file being edited, wait for its diagnostics, apply
-- the first quick fix and write the buffer. The Go test
-- (neovim_test.go) runs it headless and reads NEPTUNE_RESULT: "ok" or why not.
local env = vim.env

local function finish(status)
  local f = io.open(env.NEPTUNE_RESULT, 'w')
  f:write(status)
  f:close()
  vim.cmd('qall!')
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.NEPTUNE_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'neptune',
    cmd = { env.NEPTUNE_SERVER, 'langserver' },
    root_dir = env.NEPTUNE_ROOT,
    init_options = { tflintPath = env.NEPTUNE_TFLINT, debounceMs = 50 },
  })
  if not client_id then
    return 'the server did not start'
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local diagnostics = {}
  local got = vim.wait(60000, function()
    diagnostics = vim.diagnostic.get(bufnr)
    return #diagnostics > 0
  end, 50)
  if not got then
    return 'no diagnostics within 60 s'
  end
  local d = diagnostics[1]
  local at = { line = d.lnum, character = d.col }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = at, ['end'] = at },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000)
  local response = responses and responses[client_id]
  if not response or response.error or not response.result or #response.result == 0 then
    return 'no code actions: ' .. vim.inspect(responses)
  end
  local action = response.result[1]
  if action.kind ~= 'quickfix' then
    return 'the first action is not a quick fix: ' .. vim.inspect(action)
  end
  if not action.edit then
    local client = vim.lsp.get_client_by_id(client_id)
    local resolved = client.request_sync('codeAction/resolve', action, 60000, bufnr)
    if not resolved or resolved.err or not resolved.result.edit then
      return 'codeAction/resolve failed: ' .. vim.inspect(resolved)
    end
    action = resolved.result
  end
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  vim.cmd('write')
  return 'ok'
end

local ok, status = pcall(run)
if not ok then
  status = 'error: ' .. tostring(status)
end
finish(status)
