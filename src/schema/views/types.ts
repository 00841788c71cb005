/**
 * Vendor views, declared once: a view is a list of typed columns and one or more branches,
 * each a filter over the stored events and an expression per column. The compiler of each
 * engine turns a definition into `SELECT ... FROM events WHERE ... UNION ALL ...`.
 */
import { InternalError } from '../../errors.js';
import type { Expr } from '../../plan/expr.js';
import { SCALAR_TYPES, type ScalarType } from '../../plan/types.js';

/** Where a view lives: Sentinel and Defender tables in `main`, Splunk indexes in `splunk`. */
export type ViewSchema = 'main' | 'splunk';

export interface ViewColumn {
  /** The vendor's spelling; Splunk names are case-sensitive. */
  readonly name: string;
  readonly type: ScalarType;
  readonly description?: string;
}

/** The rows one filter selects, and how each column is computed for them. */
export interface ViewBranch {
  readonly where: Expr;
  /** A column missing here is a null of the column's type. */
  readonly values: Readonly<Record<string, Expr>>;
}

export interface ViewDefinition {
  readonly name: string;
  readonly schema: ViewSchema;
  readonly description: string;
  readonly columns: readonly ViewColumn[];
  readonly branches: readonly ViewBranch[];
}

/** The Splunk renderings Quarry can show Windows events in. */
export type WindowsSourcetype = 'XmlWinEventLog' | 'WinEventLog';

/** Choices the installer makes when it creates the views. */
export interface ViewConfig {
  readonly splunk: {
    /** How Windows events look in `_raw`, `source` and `sourcetype`. */
    readonly sourcetype: WindowsSourcetype;
    /** The index Windows events are in. */
    readonly windowsIndex: string;
    /** The index firewall and proxy rows (`CommonSecurityLog`) are in. */
    readonly networkIndex: string;
  };
}

export const DEFAULT_VIEW_CONFIG: ViewConfig = {
  splunk: { sourcetype: 'XmlWinEventLog', windowsIndex: 'windows', networkIndex: 'network' },
};

/** The column a view's rows are timed by: `_time` in Splunk, `TimeGenerated` elsewhere. */
export function timeColumnOf(view: Pick<ViewDefinition, 'schema'>): string {
  return view.schema === 'splunk' ? '_time' : 'TimeGenerated';
}

const TYPES = new Set<string>(SCALAR_TYPES);

/**
 * Columns written as `Name type` pairs separated by commas or line breaks, as vendor
 * references list them.
 *
 * @example columnList('TimeGenerated datetime, Computer string')
 */
export function columnList(text: string): ViewColumn[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const [name, type, ...rest] = item.split(/\s+/);
      if (!name || !type || rest.length > 0 || !TYPES.has(type)) {
        throw new InternalError(`not a column: ${item}`);
      }
      return { name, type: type as ScalarType };
    });
}
