-- datalint for Neovim's built-in LSP client (Neovim 0.7 or later).
-- Put this file on your runtimepath (for example ~/.config/nvim/plugin/datalint.lua), with `datalint` on PATH.
vim.filetype = vim.filetype or {}
vim.cmd([[autocmd BufRead,BufNewFile *.jsonl,*.ndjson setfiletype jsonl]])

vim.api.nvim_create_autocmd("FileType", {
  pattern = "jsonl",
  callback = function(args)
    local root = vim.fs and vim.fs.dirname(vim.fs.find({ "datalint.toml", ".git" }, { upward = true })[1] or "")
    local client_id = vim.lsp.start_client({
      name = "datalint",
      cmd = { "datalint", "serve" },
      root_dir = root ~= "" and root or vim.fn.getcwd(),
      settings = { datalint = { ignore = {} } },
    })
    if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
  end,
})
