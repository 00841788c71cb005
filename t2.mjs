import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect(); await c.run("SET TimeZone='UTC'");
for (const s of [
 `SELECT TRY_CAST('2020-09-14T12:05:46.455+0200' AS TIMESTAMP_NS), TRY_CAST('2020-09-14 12:05:46' AS TIMESTAMP_NS), TRY_CAST('9/14/2020 8:05:43 AM' AS TIMESTAMP_NS)`,
 `SELECT typeof(TIMESTAMP_NS '2020-01-01 00:00:00.1234567' + INTERVAL 1 HOUR), TIMESTAMP_NS '2020-01-01 00:00:00.1234567' + INTERVAL 1 HOUR`,
 `SELECT typeof(timezone('America/New_York', TIMESTAMP '2020-09-14 08:05:43')::TIMESTAMP - TIMESTAMP '2020-09-14 08:05:43')`,
 `SELECT TRY_CAST('0x8020000000000000' AS UBIGINT), TRY_CAST('-9214364837600034816' AS BIGINT)`,
 `SELECT json_keys('{"a":1,"b":{"c":2}}'), json_exists('{"a":1}', ['$.a','$.b'])`,
 `SELECT json_merge_patch('{}', json_object('a', NULL, 'b', 'x'))`,
 `SELECT json_extract_string('{"a":1,"b":[1,2],"c":null,"d":true}', ['$.a','$.b','$.c','$.d','$.e'])`,
 `SELECT make_timestamp_ns(1600085143123456700)`,
 `SELECT try_strptime('9/14/2020 8:05:43 AM', '%m/%d/%Y %I:%M:%S %p')`,
 `SELECT json_type('{"a":1}'), json_type('[1]'), json_type('"x"')`,
 `SELECT regexp_extract_all('<Data Name="A">x</Data><Data Name="B">y &amp; z</Data>', '<Data Name="([^"]*)">([^<]*)</Data>', 1)`,
 `SELECT to_json(map_from_entries([('a','1'),('b','2')]))`,
 `SELECT epoch_ns(TIMESTAMP_NS '2020-01-01 00:00:00.1234567')`,
]) { try { const r = await c.runAndReadAll(s); console.log(JSON.stringify(r.getRowsJson())); } catch (e) { console.log('ERR', s.slice(0,60), e.message.slice(0,200)); } }
