/**
 * The KQL queries of the shared corpus: every `kusto` block of the Kusto documentation, the
 * `query:` of each Sentinel rule, and the Defender hunting queries (fenced blocks of `.md`
 * files, whole `.txt` and `.csl` files). Each comes with where it was found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED } from '../support/store.js';

/** One query and where it came from: `kusto-docs/abs-function.md:37`, a file, `file#2`. */
export interface CorpusQuery {
  readonly source: string;
  readonly text: string;
}

const CORPUS = join(SHARED, 'corpus');

/** Every query of the corpus, in a stable order. */
export function corpusQueries(): CorpusQuery[] {
  return [...docsQueries(), ...sentinelQueries(), ...defenderQueries()];
}

/** True for a management command (`.show`, `.create`...): not a query, so not counted. */
export function isManagementCommand(text: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n)*\./.test(text);
}

function docsQueries(): CorpusQuery[] {
  const lines = readFileSync(join(CORPUS, 'kusto-docs', 'doc-queries.jsonl'), 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { page: string; line: number; query: string })
    .map((entry) => ({ source: `kusto-docs/${entry.page}:${entry.line}`, text: entry.query }));
}

function sentinelQueries(): CorpusQuery[] {
  return filesUnder(join(CORPUS, 'sentinel'))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => {
      const text = yamlBlock(readFileSync(file, 'utf8'), 'query');
      return text === undefined ? [] : [{ source: relative(CORPUS, file), text }];
    });
}

function defenderQueries(): CorpusQuery[] {
  return filesUnder(join(CORPUS, 'm365-defender-hunting-queries')).flatMap((file) => {
    const source = relative(CORPUS, file);
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.txt') || file.endsWith('.csl')) return [{ source, text }];
    if (!file.endsWith('.md')) return [];
    return fencedBlocks(text).map((block, i) => ({ source: `${source}#${i}`, text: block }));
  });
}

function filesUnder(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The text of a top-level YAML block scalar (`key: |`), dedented. */
function yamlBlock(yaml: string, key: string): string | undefined {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^${key}:\\s*[|>][-+]?\\s*$`).test(line));
  if (start < 0) return undefined;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && !/^\s/.test(line)) break;
    body.push(line);
  }
  const indents = body.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0]);
  const indent = Math.min(...indents.map((spaces) => spaces.length));
  return body.map((line) => line.slice(indent)).join('\n');
}

/** The contents of every fenced code block of a Markdown file. */
function fencedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const match of markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)) {
    blocks.push(match[1] ?? '');
  }
  return blocks;
}
