import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect(); await c.run("SET TimeZone='UTC'");
const x = `'<DataItem><EventData xmlns="x"><Data Name="A">x &amp; y</Data><Data Name=''B''>2</Data><Data Name="C" /><Data>u1</Data></EventData></DataItem>'`;
for (const s of [
 `SELECT list_zip([1,2],['a','b'])[1]`,
 `WITH t AS (SELECT ${x} AS x) SELECT regexp_extract_all(x, '<Data Name=["'']([^"'']*)["'']\\s*>([^<]*)</Data>', 1) AS n, regexp_extract_all(x, '<Data Name=["'']([^"'']*)["'']\\s*>([^<]*)</Data>', 2) AS v FROM t`,
 `WITH t AS (SELECT ['a','b'] AS n, ['1','2'] AS v) SELECT ('{' || array_to_string(list_transform(range(1, len(n)+1), i -> to_json(n[i]) || ':' || to_json(v[i])), ',') || '}')::JSON FROM t`,
 `SELECT json_extract('{"a":{"x":1}}', '$.*')[1]`,
 `SELECT json_merge_patch('{"a":1}', NULL), json_merge_patch(NULL, '{"a":1}')`,
 `SELECT json_object('a', '{"x":1}'::JSON, 'b', 'str', 'c', NULL)`,
 `SELECT regexp_replace('{"ProcessId_string":"1","X_dynamic":2}', '"([A-Za-z0-9]+)_(string|dynamic|long|int|real|bool|datetime|guid|timespan)":', '"\\1":', 'g')`,
 `SELECT ['a','b'][1:1]`,
]) { try { const r = await c.runAndReadAll(s); console.log(JSON.stringify(r.getRowsJson())); } catch (e) { console.log('ERR', s.slice(0,60), e.message.slice(0,300)); } }
