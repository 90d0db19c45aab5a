-- End-to-end check of `datalint serve` inside a real editor: Neovim 0.7.2's built-in LSP client.
--
-- Run headless (Neovim 0.7 has no `-l`):
--
--   DATALINT_BIN=.build/debug/datalint DATALINT_DATASET=/tmp/x/bad.jsonl DATALINT_OUTPUT=/tmp/x/out.json \
--     nvim --headless --clean -u NONE -c 'luafile Tests/EndToEnd/neovim/check_datalint.lua'
--
-- Environment:
--   DATALINT_BIN         the datalint binary (required)
--   DATALINT_DATASET     the .jsonl file to open (required)
--   DATALINT_OUTPUT      where to write the JSON report (required)
--   DATALINT_SERVER_LOG  where the server's standard error goes (default: DATALINT_OUTPUT .. '.server.log')
--   DATALINT_TIMEOUT_MS  how long each wait may take (default 20000)
--
-- The script opens the dataset in a buffer, starts the client with `vim.lsp.start_client`, attaches it, waits for
-- diagnostics, requests code actions at the `format/unknown-role` diagnostic the way `vim.lsp.buf.code_action()`
-- builds its request, applies the quick fix with `vim.lsp.util.apply_workspace_edit`, waits for the diagnostics of
-- the edited text, stops the client and waits for the server process to exit. Everything it saw is written to
-- DATALINT_OUTPUT as JSON; the checks are made by Tests/EndToEnd/test_neovim.py. Neovim exits with status 0 when
-- every step completed, 1 otherwise (the report's `failures` say which step failed and why). No step sleeps:
-- every wait is `vim.wait` on a condition, with a timeout.

local uv = vim.loop

local report = {
  nvim_version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
  failures = {},
  steps = {},
}

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    if default == nil then error('environment variable ' .. name .. ' is not set') end
    return default
  end
  return value
end

local function json_encode(value)
  if vim.json and vim.json.encode then return vim.json.encode(value) end
  return vim.fn.json_encode(value)
end

local function write_report(path)
  local file = assert(io.open(path, 'w'))
  file:write(json_encode(report))
  file:close()
end

-- Stops the run with a message for the report (other errors get a traceback).
local function fail(message)
  error({ failure = message }, 0)
end

local function step(name)
  table.insert(report.steps, name)
end

-- A copy without vim.NIL (JSON null), so that the report encodes as plain JSON.
local function plain(value)
  if value == vim.NIL then return nil end
  if type(value) ~= 'table' then return value end
  local copy = {}
  for key, item in pairs(value) do copy[key] = plain(item) end
  return copy
end

local function main()
  local bin = env('DATALINT_BIN')
  local dataset = env('DATALINT_DATASET')
  local output = env('DATALINT_OUTPUT')
  local server_log = env('DATALINT_SERVER_LOG', output .. '.server.log')
  local timeout = tonumber(env('DATALINT_TIMEOUT_MS', '20000'))
  report.server_log = server_log

  -- 1. Open the dataset in a buffer, as `:edit` would.
  vim.cmd('edit ' .. vim.fn.fnameescape(dataset))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  report.uri = uri
  report.lines_before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  step('opened')

  -- 2. Start the client. The server's standard error goes to a file (sh execs the server, so the pid is its own).
  local publications = {}      -- every textDocument/publishDiagnostics, as on the wire (UTF-16 characters)
  local log_messages = {}      -- window/logMessage from the server
  local sent_capabilities = nil
  local initialize_result = nil
  local exit_status = nil
  local handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      table.insert(publications, plain(vim.deepcopy(result)))
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
    ['window/logMessage'] = function(_, result)
      table.insert(log_messages, plain(vim.deepcopy(result)))
    end,
  }
  local client_id = vim.lsp.start_client {
    name = 'datalint',
    cmd = { 'sh', '-c', 'exec "$0" serve 2>"$1"', bin, server_log },
    root_dir = vim.fn.fnamemodify(dataset, ':p:h'),
    get_language_id = function() return 'jsonl' end,
    handlers = handlers,
    before_init = function(params)
      sent_capabilities = plain(vim.deepcopy(params.capabilities))
    end,
    on_init = function(_, result)
      initialize_result = plain(vim.deepcopy(result))
    end,
    on_exit = function(code, signal)
      exit_status = { code = code, signal = signal }
    end,
  }
  if not client_id then fail('vim.lsp.start_client returned nil: the server could not be started') end
  local client = vim.lsp.get_client_by_id(client_id)
  local pid = client and client.rpc and client.rpc.pid
  report.server_pid = pid
  step('started')

  -- 3. Attach it to the buffer: didOpen is sent once initialize has been answered.
  if not vim.lsp.buf_attach_client(bufnr, client_id) then fail('vim.lsp.buf_attach_client failed') end
  local initialized = vim.wait(timeout, function() return initialize_result ~= nil or exit_status ~= nil end, 10)
  if exit_status and initialize_result == nil then
    fail(string.format('the server exited (code %s, signal %s) before answering initialize',
                       exit_status.code, exit_status.signal))
  end
  if not initialized then fail('no initialize result within ' .. timeout .. ' ms') end
  report.client_capabilities = {
    general = sent_capabilities and sent_capabilities.general,
    offsetEncoding = sent_capabilities and sent_capabilities.offsetEncoding,
    workspaceEdit = sent_capabilities and sent_capabilities.workspace and sent_capabilities.workspace.workspaceEdit,
    publishDiagnostics = sent_capabilities and sent_capabilities.textDocument
      and sent_capabilities.textDocument.publishDiagnostics,
    pullDiagnostics = sent_capabilities and sent_capabilities.textDocument
      and sent_capabilities.textDocument.diagnostic,
  }
  report.initialize_result = initialize_result
  report.client_offset_encoding = vim.lsp.get_client_by_id(client_id).offset_encoding
  step('initialized')

  -- 4. Wait until the diagnostics of the opened text are published and vim.diagnostic holds them.
  local function latest_for_uri(from)
    for index = #publications, (from or 1), -1 do
      if publications[index].uri == uri then return publications[index], index end
    end
  end
  local arrived = vim.wait(timeout, function()
    local latest = latest_for_uri()
    return latest ~= nil and #latest.diagnostics > 0 and #vim.diagnostic.get(bufnr) == #latest.diagnostics
  end, 10)
  if not arrived then
    fail(string.format('no diagnostics for %s within %d ms (%d publications received)', uri, timeout, #publications))
  end
  local function vim_diagnostics()
    local shown = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(shown, { code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
                            message = d.message, severity = d.severity, source = d.source })
    end
    table.sort(shown, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      return a.col < b.col
    end)
    return shown
  end
  local opened_publication, opened_index = latest_for_uri()
  report.publication = opened_publication
  report.diagnostics = vim_diagnostics()
  step('diagnostics')

  -- 5. Code actions at the misspelt role, requested as vim.lsp.buf.code_action() requests them: the cursor on the
  -- diagnostic (a byte column), make_range_params() to turn it into the client's encoding, and the line's
  -- diagnostics as context.
  local role
  for _, d in ipairs(report.diagnostics) do
    if d.code == 'format/unknown-role' then role = d break end
  end
  if not role then fail('no format/unknown-role diagnostic to fix') end
  vim.api.nvim_win_set_cursor(0, { role.lnum + 1, role.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  -- What the editor sends: the range in the client's encoding, and (in 0.7.2) the context diagnostics converted
  -- back from vim.diagnostic, whose characters are byte columns.
  report.code_action_params = plain(vim.deepcopy({ range = params.range, context = params.context }))
  local responses, request_error = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, timeout)
  if not responses then fail('textDocument/codeAction failed: ' .. tostring(request_error)) end
  local response = responses[client_id]
  if not response then fail('no textDocument/codeAction response from the datalint client') end
  if response.err then fail('textDocument/codeAction error: ' .. vim.inspect(response.err)) end
  report.code_actions = plain(vim.deepcopy(response.result or {}))
  local chosen
  for _, action in ipairs(response.result or {}) do
    local fixes_role = false
    for _, d in ipairs(action.diagnostics or {}) do
      if d.code == 'format/unknown-role' then fixes_role = true end
    end
    if action.kind == 'quickfix' and fixes_role and action.edit then
      if not chosen or (action.isPreferred and not chosen.isPreferred) then chosen = action end
    end
  end
  if not chosen then fail('no quick fix with an edit for format/unknown-role among ' .. #(response.result or {}) .. ' actions') end
  report.applied_action = plain(vim.deepcopy(chosen))
  step('code action')

  -- 6. Apply it through the editor, in the client's encoding (0.7.2: apply_workspace_edit(edit, offset_encoding)).
  local tick_before = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.util.apply_workspace_edit(chosen.edit, vim.lsp.get_client_by_id(client_id).offset_encoding)
  report.lines_after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
  report.changedtick = { before = tick_before, after = vim.api.nvim_buf_get_changedtick(bufnr) }
  step('applied')

  -- 7. The edit reaches the server as an incremental didChange (UTF-16 ranges); wait for the diagnostics of the
  -- new text: a publication after the first one without the unknown role.
  local republished = vim.wait(timeout, function()
    local latest, index = latest_for_uri(opened_index + 1)
    if not latest or index <= opened_index then return false end
    for _, d in ipairs(latest.diagnostics) do
      if d.code == 'format/unknown-role' then return false end
    end
    return #vim.diagnostic.get(bufnr) == #latest.diagnostics
  end, 10)
  report.publications = publications
  if not republished then
    fail(string.format('no diagnostics without format/unknown-role after the fix within %d ms', timeout))
  end
  report.publication_after_fix = latest_for_uri(opened_index + 1)
  report.diagnostics_after_fix = vim_diagnostics()
  step('republished')

  -- 7b. What the server now holds for the edited text: a hover on the fixed record (its range ends at the line's
  -- length in the client's encoding) and the outline of all valid records.
  local text_document = vim.lsp.util.make_text_document_params(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
                                         { textDocument = text_document, position = { line = 0, character = 0 } }, timeout)
  if not hover or not hover[client_id] then fail('no textDocument/hover response after the fix') end
  report.hover_after_fix = plain(vim.deepcopy(hover[client_id]))
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = text_document }, timeout)
  if not symbols or not symbols[client_id] then fail('no textDocument/documentSymbol response after the fix') end
  report.symbols_after_fix = plain(vim.deepcopy(symbols[client_id]))
  step('queried')

  -- 8. Shut down (shutdown request, then exit) and wait for the process to end.
  if pid then
    local stat = io.open('/proc/' .. pid .. '/stat')
    if stat then
      report.server_state_before_stop = stat:read('*a'):match('^%d+ %b() (%a)')
      stat:close()
    end
  end
  vim.lsp.get_client_by_id(client_id).stop()
  local exited = vim.wait(timeout, function() return exit_status ~= nil end, 10)
  report.exit = exit_status
  if not exited then fail('the server did not exit within ' .. timeout .. ' ms of client.stop()') end
  if pid then
    -- libuv has reaped the child when on_exit runs: no /proc entry, so no zombie.
    report.server_proc_entry_after_exit = uv.fs_stat('/proc/' .. pid) ~= nil
  end
  report.log_messages = log_messages
  report.publications = publications
  step('stopped')
end

local ok, err = xpcall(main, function(e)
  if type(e) == 'table' and e.failure then return e.failure end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  table.insert(report.failures, tostring(err))
  -- Leave no server behind: SIGTERM to clients still running (Neovim's VimLeavePre handler also kills clients that
  -- never finished initializing).
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop(true) end
end
local output = os.getenv('DATALINT_OUTPUT')
if output and output ~= '' then
  local written, write_error = pcall(write_report, output)
  if not written then
    io.stderr:write('check_datalint.lua: cannot write the report: ' .. tostring(write_error) .. '\n')
    ok = false
  end
end
if not ok then io.stderr:write('check_datalint.lua: ' .. tostring(err) .. '\n') end
vim.cmd(ok and 'qall!' or 'cquit 1')
