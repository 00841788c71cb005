/**
 * Valid queries touching every statement, operator and expression form of KQL, for tests that
 * need a broad sample: printing, and agreement with Microsoft's parser.
 */
export const SAMPLE_QUERIES: readonly string[] = [
  'let f = (T:(x:string), U:(*), n:int = 5) { let m = n * 2; T | take m }; f(X, Y, 3)',
  'let v = view () { T | where x }; set notruncation; set query_now = datetime(2020-01-01); v',
  'declare query_parameters(x:string = "a", y:int); alias database db = ' +
    'cluster("c").database("d"); T',
  'restrict access to (T1, database("x").*, my*); T1 | count',
  'declare pattern app = (id:string)[k:string] { ("a").["b"] = { T | take 1 }; }; app("a").b',
  'declare pattern p;\n' + 'p("x")',
  'T | where a !in~ (\'x\', "y") and b has_any (z) and c between (1 .. 2) and d !between ' +
    '(3 .. 4)',
  'T | where a + b has c and d * e =~ f or not(g) and h matches regex @"\\d+" and ' +
    '$left.i == 1',
  "T | extend ['x y'] = d.['k k'].z[0]['w'], (a, b) = f(c, n = 1, *), by_ = -x + +y",
  'T | project a, b = dynamic({"k": [1, -2.5, null, true, datetime(2020-01-01), 1d]}), ' +
    'h"x" \'y\'',
  'T | project-away a, b*, *c | project-keep x* | project-rename a = b | project-by-names "a"',
  'T | project-reorder a asc, b* granny-desc | serialize n = row_number() | serialize',
  'T | distinct * | count | getschema | consume decodeblocks=true | as ' +
    'hint.materialized=true X',
  'T | sort by a asc nulls first, b desc | order by c | take 10 | limit 5 | top 3 by x ' +
    'desc nulls last',
  'T | top-hitters 5 of a by b | top-nested 3 of a by sum(x), top-nested of b with ' +
    'others = 1 by c = count() desc',
  'T | sample 10 | sample-distinct 5 of a | invoke f(1) | evaluate ' +
    'hint.distribution=per_node p(a) : (*, x:string)',
  'T | summarize hint.shufflekey=k n = count(), countif(a > 1) by bin(ts, 1h), b | ' +
    'summarize by a',
  'T | make-series kind=nonempty avg(x) default=0, c = count() on ts from ago(1d) to ' +
    'now() step 1h by y',
  'T | make-series avg(x) on ts in range(ago(1d), now(), 1h) | reduce kind=source by m ' +
    'with threshold=0.5',
  'T | mv-expand kind=array with_itemindex=i x to typeof(string), y = z limit 5 | mvexpand q',
  'T | mv-apply x to typeof(long) limit 3 on (top 1 by x | project x)',
  'T | parse kind=regex flags=Ui x with * "a" col:string "b" rest | parse-where x with ' +
    '"a" n:long *',
  "T | parse-kv Text as (a:string, b:long) with (pair_delimiter=',', kv_delimiter='=')",
  'T | scan with_match_id=m declare (s:long = 0) with (step s1 output=last: x > 1 => s ' +
    '= x; step s2: x < 1;)',
  'T | join kind=inner hint.strategy=broadcast (T2 | where x) on a, $left.b == $right.c ' +
    '| join T3 on d',
  'T | lookup kind=leftouter (T2) on a | union kind=outer withsource=S isfuzzy=true T1, ' +
    '(T2 | take 1), T3*',
  'T | fork (where x | take 3) n = (count) | facet by a, b with (top 3 by c)',
  'T | partition hint.strategy=native by a (top 3 by b) | partition by c { T | take 1 }',
  'T | search kind=case_sensitive in (T1, T2*) "x" and y:"z" | render timechart with ' +
    '(title="t", ycolumns=a, b)',
  'print a = 1, 2, typeof(string), typeof(*, x:long), int(null), real(-inf), ' +
    'guid(null), time(1.02:03:04)',
  'range x from 1 to 10 step 2 | extend y = range(1, 5, 1)',
  'datatable(a:int, b:string) [1, "x", 2, "y"] | union (externaldata (c:string) ["u"] ' +
    'with (format="csv"))',
  'inline_external_table(t:datetime) kind=storage partition by (d:datetime = ' +
    "startofday(t)) pathformat=('d=' d) dataformat=csv (h@'u')",
  'find withsource=S in (T1, T*) where a == 1 project b, c:string | take 1',
  'find "x" project-smart',
  "macro-expand entity_group [database('a'), database('b')] as X (X.T | count)",
  'search * has "x"',
  'T | make-graph a --> b with N on id | graph-match cycles=none ' +
    '(a)-[e*1..3]->(b)<--(c) where a.v == 1 project a',
  'T | make-graph a -- b partitioned-by t (graph-match (x)-[e]-(y) project x)',
  'T | graph-shortest-paths output=all (a)-[e*1..5]->(b) project a | graph-to-table ' +
    'nodes as N with_node_id=id, edges',
  'G | graph-mark-components kind=weak with_component_id=c',
  "T | extend ['where'] = 1, ['by'] = 2, ['5x'] = 3, [\"it's\"] = 4 | project " +
    "['range'](1, 2, 1), ['datetime']",
];
