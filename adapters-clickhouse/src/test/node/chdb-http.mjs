// A test-only HTTP front for chdb (ClickHouse embedded in-process), speaking the subset of ClickHouse's HTTP
// interface that otel-mcp's ClickHouse adapter uses:
//   GET /ping, GET / -> "Ok.\n"
//   GET|POST / with the query in `query=` and/or the body (ClickHouse appends the body after a line feed),
//   `param_<name>=<value>` typed query parameters (values in ClickHouse's escaped text format, bound by the
//   engine itself: chdb's queryStreamBind/queryBind, never
//   spliced into the SQL), `database=`, `default_format=`,
//   credentials by HTTP Basic, X-ClickHouse-User/X-ClickHouse-Key headers or user=/password= parameters.
// A query's rows are streamed as the engine makes them (chunked transfer), as ClickHouse does.
// Errors are answered as ClickHouse does: the status its exceptionCodeToHTTPStatus picks, a
// "Code: N. DB::Exception: ..." body and the X-ClickHouse-Exception-Code header.
// Environment: CHDB_HTTP_USER (default "default"), CHDB_HTTP_PASSWORD (default empty).
// Prints the port it listens on (127.0.0.1, ephemeral) as the first line of stdout.
import http from 'node:http';
import { Session } from 'chdb';

const USER = process.env.CHDB_HTTP_USER || 'default';
const PASSWORD = process.env.CHDB_HTTP_PASSWORD || '';
const session = new Session();
const VERSION = JSON.parse((await session.queryAsync('SELECT version() AS v', { format: 'JSONEachRow' })).text()).v;

// Error names -> codes, from the engine itself.
const CODES = new Map();
for (const line of (await session.queryAsync(
  "SELECT number AS code, errorCodeToName(number) AS name FROM numbers(2000) WHERE name != ''",
  { format: 'JSONEachRow' })).text().split('\n').filter(Boolean)) {
  const { code, name } = JSON.parse(line);
  CODES.set(name, Number(code));
}
const codesOf = (...names) => new Set(names.map((n) => CODES.get(n)).filter((c) => c !== undefined));
// ClickHouse's src/Server/HTTP/exceptionCodeToHTTPStatus.cpp, by error name.
const STATUS_BY_CODES = [
  [401, codesOf('REQUIRED_PASSWORD')],
  [403, codesOf('UNKNOWN_USER', 'WRONG_PASSWORD', 'AUTHENTICATION_FAILED', 'SET_NON_GRANTED_ROLE', 'ACCESS_DENIED')],
  [400, codesOf('BAD_ARGUMENTS', 'CANNOT_COMPILE_REGEXP', 'CANNOT_PARSE_TEXT', 'CANNOT_PARSE_ESCAPE_SEQUENCE',
    'CANNOT_PARSE_QUOTED_STRING', 'CANNOT_PARSE_DATE', 'CANNOT_PARSE_DATETIME', 'CANNOT_PARSE_NUMBER',
    'CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING', 'CANNOT_PARSE_IPV4', 'CANNOT_PARSE_IPV6',
    'CANNOT_PARSE_INPUT_ASSERTION_FAILED', 'CANNOT_PARSE_UUID', 'DUPLICATE_COLUMN', 'ILLEGAL_COLUMN',
    'UNKNOWN_ELEMENT_IN_AST', 'UNKNOWN_TYPE_OF_AST_NODE', 'THERE_IS_NO_COLUMN', 'TOO_DEEP_AST', 'TOO_BIG_AST',
    'UNEXPECTED_AST_STRUCTURE', 'SYNTAX_ERROR', 'INCORRECT_DATA', 'TYPE_MISMATCH',
    'VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE')],
  [404, codesOf('UNKNOWN_TABLE', 'UNKNOWN_FUNCTION', 'UNKNOWN_IDENTIFIER', 'UNKNOWN_TYPE', 'UNKNOWN_STORAGE',
    'UNKNOWN_DATABASE', 'UNKNOWN_SETTING', 'UNKNOWN_DIRECTION_OF_SORTING', 'UNKNOWN_AGGREGATE_FUNCTION',
    'UNKNOWN_FORMAT', 'UNKNOWN_DATABASE_ENGINE', 'UNKNOWN_TYPE_OF_QUERY', 'UNKNOWN_ROLE')],
  [413, codesOf('QUERY_IS_TOO_LARGE')],
  [501, codesOf('NOT_IMPLEMENTED')],
  [503, codesOf('SOCKET_TIMEOUT', 'CANNOT_OPEN_FILE', 'CANNOT_SCHEDULE_TASK')],
  [411, codesOf('HTTP_LENGTH_REQUIRED')],
  [408, codesOf('TIMEOUT_EXCEEDED')],
  [415, codesOf('UNSUPPORTED_MEDIA_TYPE')],
];
const httpStatus = (code) => (STATUS_BY_CODES.find(([, codes]) => codes.has(code)) || [500])[0];

class ClickHouseError extends Error {
  constructor(name, text) {
    super(text);
    this.code = CODES.get(name) ?? 1002;
    this.codeName = name;
  }
}

// Reads a value in ClickHouse's escaped text format (as the server reads param_ values): \b \f \n \r \t \0 \a
// \v \e, \\ \' \" \`, \xHH; any other escaped character keeps its backslash, as ClickHouse does.
function unescape(raw) {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i + 1 >= raw.length) {
      throw new ClickHouseError('CANNOT_PARSE_ESCAPE_SEQUENCE', 'Cannot parse escape sequence: a lone backslash at the end');
    }
    const n = raw[++i];
    const simple = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', 0: '\0', a: '\x07', v: '\v', e: '\x1b',
      '\\': '\\', "'": "'", '"': '"', '`': '`' };
    if (n in simple) {
      out += simple[n];
    } else if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out += '\\' + n;
    }
  }
  return out;
}

function credentials(req, url) {
  const auth = req.headers.authorization;
  if (auth && auth.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { user: decoded.slice(0, colon < 0 ? decoded.length : colon), password: colon < 0 ? '' : decoded.slice(colon + 1) };
  }
  if (req.headers['x-clickhouse-user'] !== undefined) {
    return { user: req.headers['x-clickhouse-user'], password: req.headers['x-clickhouse-key'] || '' };
  }
  return { user: url.searchParams.get('user') || 'default', password: url.searchParams.get('password') || '' };
}

const KNOWN = new Set(['query', 'database', 'default_format', 'user', 'password']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

// One query at a time: the session has one connection, and `database` is applied with USE.
let queue = Promise.resolve();
function serially(work) {
  const run = queue.then(work, work);
  queue = run.catch(() => {});
  return run;
}

// The engine streams what a SELECT returns; other statements (DDL, INSERT, DESC, EXISTS, USE) it refuses to stream.
const NOT_STREAMABLE = /Streaming query is not supported/;
const ANSWER_HEADERS = { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Server-Display-Name': 'chdb' };

// Runs a statement and answers it. A query's rows are written as the engine makes them (chunked), so that no answer
// is held whole: a JavaScript string ends at 512 MiB, well below what a window of spans can come to. An error before
// the first rows is answered with its status; one after the answer began is appended to it, as ClickHouse does.
async function execute(res, sql, params, database, format) {
  if (database) {
    await session.queryAsync('USE `' + database + '`');
  }
  try {
    const options = { format };
    const bound = Object.keys(params).length > 0;
    let stream;
    try {
      stream = bound ? session.queryStreamBind(sql, params, options) : session.queryStream(sql, options);
    } catch (error) {
      if (!NOT_STREAMABLE.test(error.message || '')) {
        throw error;
      }
      const result = bound ? await session.queryBindAsync(sql, params, options) : await session.queryAsync(sql, options);
      res.writeHead(200, ANSWER_HEADERS);
      res.end(result.bytes());
      return;
    }
    await streamTo(res, stream, headerLines(sql, format));
  } finally {
    if (database) {
      await session.queryAsync('USE default');
    }
  }
}

// How many header lines a format with names writes (…WithNames: 1, …WithNamesAndTypes: 2). The engine formats each
// chunk of a stream on its own, header included; ClickHouse writes the header once, so later chunks lose theirs.
function headerLines(sql, format) {
  const named = /\bFORMAT\s+(\w+)\s*;?\s*$/i.exec(sql);
  const name = named ? named[1] : format || '';
  return /WithNamesAndTypes$/i.test(name) ? 2 : /WithNames$/i.test(name) ? 1 : 0;
}

function withoutLines(buffer, lines) {
  let at = 0;
  for (let i = 0; i < lines && at >= 0; i++) {
    at = buffer.indexOf(0x0a, at) + 1 || -1;
  }
  return at < 0 ? buffer.subarray(buffer.length) : buffer.subarray(at);
}

async function streamTo(res, stream, header = 0) {
  const chunks = stream[Symbol.asyncIterator]();
  let next = await chunks.next();
  res.writeHead(200, ANSWER_HEADERS);
  try {
    for (let first = true; !next.done; first = false) {
      const bytes = first ? next.value.raw() : withoutLines(next.value.raw(), header);
      // A client that stopped reading closed the connection: the stream is then given up, not waited on (a wait
      // for 'drain' that never comes would hold every later statement, as they run one at a time).
      if (!res.write(bytes) && !res.destroyed) {
        await new Promise((resume) => {
          res.once('drain', resume);
          res.once('close', resume);
        });
      }
      if (res.destroyed) {
        await chunks.return();
        return;
      }
      next = await chunks.next();
    }
    res.end();
  } catch (error) {
    const text = error.message || String(error);
    res.end(`\n${text.startsWith('Code: ') ? text : 'Code: 1002. DB::Exception: ' + text} (version ${VERSION})\n`);
  }
}

function answerError(res, error) {
  if (res.headersSent) {
    res.end();
    return;
  }
  let code = error.code;
  let text = error.message || String(error);
  if (typeof error.clickhouseCode === 'number') {
    code = error.clickhouseCode;
  } else if (!(error instanceof ClickHouseError)) {
    const m = /^Code: (\d+)\./.exec(text);
    code = m ? Number(m[1]) : CODES.get('UNKNOWN_EXCEPTION') ?? 1002;
  }
  if (!text.startsWith('Code: ')) {
    text = `Code: ${code}. DB::Exception: ${text}. (${error.codeName || 'UNKNOWN_EXCEPTION'})`;
  }
  res.writeHead(httpStatus(code), {
    'Content-Type': 'text/plain; charset=UTF-8',
    'X-ClickHouse-Exception-Code': String(code),
  });
  res.end(`${text} (version ${VERSION})\n`);
}

// A ClickHouse server takes a URI of up to 1 MiB (http_max_uri_size), query parameters included; Node's default
// limit on a request's head is 16 KiB.
const server = http.createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === '/ping' && req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' });
        res.end('Ok.\n');
        return;
      }
      if (url.pathname !== '/') {
        throw new ClickHouseError('UNKNOWN_TYPE_OF_QUERY', `There is no handle ${url.pathname}`);
      }
      if (req.method !== 'GET' && req.method !== 'POST') {
        throw new ClickHouseError('NOT_IMPLEMENTED', `Method ${req.method} is not supported`);
      }
      const { user, password } = credentials(req, url);
      if (user !== USER || password !== PASSWORD) {
        throw new ClickHouseError('AUTHENTICATION_FAILED', `${user}: Authentication failed: password is incorrect, `
          + 'or there is no user with such name');
      }
      const body = req.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : '';
      const fromUrl = url.searchParams.get('query') || '';
      const sql = fromUrl && body ? fromUrl + '\n' + body : fromUrl || body;
      if (!sql.trim()) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' });
        res.end('Ok.\n');
        return;
      }
      const params = {};
      for (const [name, value] of url.searchParams) {
        if (name.startsWith('param_')) {
          params[name.slice('param_'.length)] = unescape(value);
        } else if (!KNOWN.has(name)) {
          throw new ClickHouseError('UNKNOWN_SETTING', `Unknown setting '${name}'`);
        }
      }
      const database = url.searchParams.get('database');
      if (database && !IDENTIFIER.test(database)) {
        throw new ClickHouseError('UNKNOWN_DATABASE', `Database ${database} does not exist`);
      }
      const format = url.searchParams.get('default_format') || 'TabSeparated';
      await serially(() => execute(res, sql, params, database, format));
    } catch (error) {
      answerError(res, error);
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(server.address().port + '\n');
});
const stop = () => server.close(() => { session.close(); process.exit(0); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent (the test JVM) closes our stdin when it goes: stop with it, leaving no orphan.
process.stdin.on('end', stop);
process.stdin.resume();
