-- Loaded after the README's recipe (nvim --headless -u recipe.lua -c 'luafile nvim-driver.lua' FILE): waits for
-- the diagnostics of the open buffer and writes them to $OUT, one "CODE LINE MESSAGE" per line (1-based lines).
-- Exits 1 when none arrive within $TIMEOUT_MS.
local timeout = tonumber(os.getenv('TIMEOUT_MS') or '20000')
local arrived = vim.wait(timeout, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = assert(io.open(os.getenv('OUT'), 'w'))
for _, d in ipairs(vim.diagnostic.get(0)) do
  -- Neovim 0.7 keeps the LSP diagnostic's code in user_data.
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  out:write(string.format('%s %d %s\n', tostring(code), d.lnum + 1, (d.message:gsub('\n', ' '))))
end
out:close()
vim.cmd(arrived and 'qall!' or 'cquit!')
