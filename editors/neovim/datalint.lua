-- datalint for Neovim's built-in LSP client (Neovim 0.7 or later).
-- Put this file on your runtimepath (for example ~/.config/nvim/plugin/datalint.lua), with `datalint` on PATH.
vim.cmd([[autocmd BufRead,BufNewFile *.jsonl,*.ndjson setfiletype jsonl]])

vim.api.nvim_create_autocmd("FileType", {
  pattern = "jsonl",
  callback = function(args)
    local root = vim.fn.getcwd()
    if vim.fs then -- Neovim 0.8+: the directory of the nearest datalint.toml or .git
      local marker = vim.fs.find({ "datalint.toml", ".git" }, { upward = true, path = vim.fn.expand("%:p:h") })[1]
      if marker then root = vim.fs.dirname(marker) end
    end
    local client_id = vim.lsp.start_client({
      name = "datalint",
      cmd = { "datalint", "serve" },
      root_dir = root,
      settings = { datalint = { ignore = {} } },
    })
    if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
  end,
})
