/**
 * Microsoft's KQL parser (npm `@kusto/language-service-next`), loaded for agreement tests: it
 * tells whether a query is syntactically valid KQL. It is a development dependency only.
 */
import { createRequire } from 'node:module';

interface KustoDiagnostic {
  readonly Severity: string;
  readonly Code: string;
  readonly Message: string;
  readonly Start: number;
}

interface KustoList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

interface KustoGlobal {
  readonly Language: {
    readonly KustoCode: {
      Parse(text: string): { GetDiagnostics(): KustoList<KustoDiagnostic> };
    };
  };
}

/** The syntax errors Microsoft's parser finds in a query, as `code@offset message`. */
export type Oracle = (text: string) => string[];

/** Loads the oracle, or returns why it cannot be loaded, as a skip reason. */
export function loadOracle(): Oracle | string {
  const require = createRequire(import.meta.url);
  try {
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  } catch (error) {
    return `@kusto/language-service-next is not installed (${String(error)})`;
  }
  const kusto = (globalThis as { Kusto?: KustoGlobal }).Kusto;
  if (!kusto) return '@kusto/language-service-next did not define Kusto';
  return (text) => syntaxErrors(kusto, text);
}

function syntaxErrors(kusto: KustoGlobal, text: string): string[] {
  const diagnostics = kusto.Language.KustoCode.Parse(text).GetDiagnostics();
  const errors: string[] = [];
  for (let i = 0; i < diagnostics.Count; i++) {
    const d = diagnostics.getItem(i);
    if (d.Severity === 'Error') errors.push(`${d.Code}@${d.Start} ${d.Message}`);
  }
  return errors;
}
