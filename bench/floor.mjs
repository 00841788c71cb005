// The floor: DuckDB's own `read_json` of the file into a plain table.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, db] = process.argv.slice(2);
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run(
  `CREATE TABLE events AS SELECT * FROM read_json('${file.replaceAll("'", "''")}')`,
);
connection.closeSync();
instance.closeSync();
console.log(`peak-rss-kb=${process.resourceUsage().maxRSS}`);
