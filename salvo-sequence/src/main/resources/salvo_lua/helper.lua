-- Salvo's lua_func helper (SEQUENCES.md §3.10): lua helper.lua REQUEST RESULT, one call; or
-- lua helper.lua --serve, the long-lived process of one context_id (see the end of this file).
--
-- REQUEST is a JSON file: {file, func, params, dict}. The file is loaded (it must return a
-- module table), func is called with the params unpacked, and RESULT receives
-- {ok, value | error, changes}: several returns become a list; changes are the tm.setgd and
-- tm.delgd calls, which the engine applies to the global dictionary when the call returns.
-- Lua has no JSON library by default, hence the small encoder and decoder below.

local json = {}
-- Lua 5.1 has neither table.pack nor table.unpack, and its xpcall passes no arguments.
local pack = table.pack or function(...) return { n = select("#", ...), ... } end
local unpack = table.unpack or unpack
local array_length = setmetatable({}, { __mode = "k" })

local function utf8_char(cp)
  if utf8 and utf8.char then return utf8.char(cp) end
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 0x40), 0x80 + cp % 0x40) end
  if cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 0x1000), 0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
  end
  return string.char(0xF0 + math.floor(cp / 0x40000), 0x80 + math.floor(cp / 0x1000) % 0x40,
    0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
end

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r',
  ['\t'] = '\\t' }

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function encode_number(n)
  if n ~= n or n == math.huge or n == -math.huge then return "null" end
  if math.type and math.type(n) == "integer" then return string.format("%d", n) end
  if n == math.floor(n) and math.abs(n) < 1e15 then return string.format("%.1f", n) end
  local s = string.format("%.14g", n)
  if tonumber(s) ~= n then s = string.format("%.17g", n) end
  return s
end

-- A table is a JSON array when its keys are exactly 1..n (or it was decoded from one).
local function array_size(t)
  if array_length[t] then return array_length[t] end
  local n, max = 0, 0
  for k in pairs(t) do
    if type(k) ~= "number" or k < 1 or k ~= math.floor(k) then return nil end
    n = n + 1
    if k > max then max = k end
  end
  if n == 0 or max ~= n then return nil end
  return n
end

function json.encode(v, seen)
  local t = type(v)
  if v == nil then return "null" end
  if t == "boolean" then return tostring(v) end
  if t == "number" then return encode_number(v) end
  if t == "string" then return encode_string(v) end
  if t == "table" then
    seen = seen or {}
    if seen[v] then error("a table that contains itself cannot be returned as JSON", 0) end
    seen[v] = true
    local parts = {}
    local n = array_size(v)
    if n then
      for i = 1, n do parts[i] = json.encode(v[i], seen) end
      seen[v] = nil
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local value = v[k]
      if value == nil then value = v[tonumber(k)] end
      parts[#parts + 1] = encode_string(k) .. ":" .. json.encode(value, seen)
    end
    seen[v] = nil
    return "{" .. table.concat(parts, ",") .. "}"
  end
  error("a " .. t .. " cannot be returned as JSON", 0)
end

function json.decode(text)
  local pos = 1
  local function fail(what) error(string.format("bad JSON at %d: %s", pos, what), 0) end
  local function skip() pos = text:find("[^ \t\r\n]", pos) or #text + 1 end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = text:sub(pos, pos)
      if c == "" then fail("unterminated string") end
      if c == '"' then pos = pos + 1; return table.concat(out) end
      if c == "\\" then
        local e = text:sub(pos + 1, pos + 1)
        local simple = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
        if simple[e] then
          out[#out + 1] = simple[e]; pos = pos + 2
        elseif e == "u" then
          local cp = tonumber(text:sub(pos + 2, pos + 5), 16) or fail("bad \\u escape")
          pos = pos + 6
          if cp >= 0xD800 and cp < 0xDC00 and text:sub(pos, pos + 1) == "\\u" then
            local low = tonumber(text:sub(pos + 2, pos + 5), 16)
            if low and low >= 0xDC00 and low < 0xE000 then
              cp = 0x10000 + (cp - 0xD800) * 0x400 + (low - 0xDC00); pos = pos + 6
            end
          end
          out[#out + 1] = utf8_char(cp)
        else
          fail("bad escape \\" .. e)
        end
      else
        local stop = text:find('["\\]', pos) or #text + 1
        out[#out + 1] = text:sub(pos, stop - 1); pos = stop
      end
    end
  end
  function value()
    skip()
    local c = text:sub(pos, pos)
    if c == "{" then
      local obj = {}
      pos = pos + 1; skip()
      if text:sub(pos, pos) == "}" then pos = pos + 1; return obj end
      while true do
        skip()
        if text:sub(pos, pos) ~= '"' then fail("expected a key") end
        local k = str(); skip()
        if text:sub(pos, pos) ~= ":" then fail("expected ':'") end
        pos = pos + 1
        obj[k] = value(); skip()
        local d = text:sub(pos, pos); pos = pos + 1
        if d == "}" then return obj end
        if d ~= "," then fail("expected ',' or '}'") end
      end
    elseif c == "[" then
      local arr, n = {}, 0
      pos = pos + 1; skip()
      if text:sub(pos, pos) == "]" then pos = pos + 1; array_length[arr] = 0; return arr end
      while true do
        n = n + 1
        arr[n] = value(); skip()
        local d = text:sub(pos, pos); pos = pos + 1
        if d == "]" then array_length[arr] = n; return arr end
        if d ~= "," then fail("expected ',' or ']'") end
      end
    elseif c == '"' then
      return str()
    elseif text:sub(pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif text:sub(pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif text:sub(pos, pos + 3) == "null" then pos = pos + 4; return nil
    else
      local num = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      if not num or num == "" then fail("unexpected " .. (c == "" and "end" or "'" .. c .. "'")) end
      pos = pos + #num
      if num:find("[.eE]") or not math.tointeger then return tonumber(num) end
      return math.tointeger(tonumber(num)) or tonumber(num)
    end
  end
  local v = value(); skip()
  if pos <= #text then fail("trailing text") end
  return v
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

local function write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

-- Values tm.setgd stored that JSON cannot carry (functions, tables that hold themselves): kept in
-- this process, where later calls of the same context_id see them (§2.5), as py_func's are.
local kept = {}

local function is_json(v)
  return (pcall(json.encode, v))
end

-- One call: REQUEST in, RESULT out; returns instead of exiting, so a context can serve the next.
local function serve_one(request_path, result_path)
  local request = json.decode(read(request_path))
  local dict = request.dict or {}
  local changes, n_changes = {}, 0
  array_length[changes] = 0
  -- The helper API that Lua gets (§2.5): the dictionary only.
  tm = {}
  function tm.gd(name, default)
    local v = kept[name]
    if v == nil then v = dict[name] end
    if v == nil then return default end
    return v
  end
  function tm.setgd(name, v)
    if not is_json(v) then
      kept[name] = v
      return
    end
    kept[name] = nil
    dict[name] = v
    n_changes = n_changes + 1
    changes[n_changes] = { "set", name, v }
    array_length[changes[n_changes]] = 3
  end
  function tm.delgd(name)
    kept[name] = nil
    dict[name] = nil
    n_changes = n_changes + 1
    changes[n_changes] = { "delete", name }
  end
  package.loaded["tm"] = nil
  package.preload["tm"] = function() return tm end
  package.preload["json"] = function() return json end
  local function answer(result)
    array_length[changes] = n_changes
    result.changes = changes
    local ok, text = pcall(json.encode, result)
    if not ok then text = json.encode({ ok = false, error = "the returned value is not JSON: " .. text, changes = {} }) end
    write(result_path, text)
    io.stdout:flush()
  end
  local dir = request.file:match("^(.*)[/\\]") or "."
  local search = dir .. "/?.lua;" .. dir .. "/?/init.lua;"
  if package.path:sub(1, #search) ~= search then package.path = search .. package.path end
  local chunk, load_error = loadfile(request.file)
  if not chunk then return answer({ ok = false, error = load_error }) end
  local loaded, module = xpcall(chunk, debug.traceback)
  if not loaded then return answer({ ok = false, error = module }) end
  if type(module) ~= "table" then
    return answer({ ok = false, error = request.file .. " returned " .. type(module)
      .. ", not a module table; end it with 'return M'" })
  end
  local func = module[request.func]
  if type(func) ~= "function" then
    return answer({ ok = false, error = "the module of " .. request.file .. " has no function '" .. request.func .. "'" })
  end
  local params = request.params or {}
  local count = array_length[params] or #params
  local results = pack(xpcall(function() return func(unpack(params, 1, count)) end, debug.traceback))
  if not results[1] then return answer({ ok = false, error = results[2] }) end
  local value
  if results.n == 2 then
    value = results[2]
  elseif results.n > 2 then
    value = {}
    for i = 2, results.n do value[i - 1] = results[i] end
    array_length[value] = results.n - 1
  end
  answer({ ok = true, value = value })
end

-- lua helper.lua REQUEST RESULT: one call. lua helper.lua --serve: a context's process; each
-- stdin line "REQUEST<TAB>RESULT" is a call, answered by the file and then the DONE line.
local DONE = "\30salvo-lua-done\30"
if arg[1] == "--serve" then
  for line in io.lines() do
    local request_path, result_path = line:match("^(.-)\t(.*)$")
    if request_path then
      serve_one(request_path, result_path)
      io.stdout:write(DONE, "\n")
      io.stdout:flush()
    end
  end
else
  serve_one(arg[1], arg[2])
  os.exit(0)
end
