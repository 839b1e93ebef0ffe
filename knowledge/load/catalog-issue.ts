import { YishiError } from '../yishi-error.ts';

/** One problem found in the catalog, pointing at the file and the path inside it. */
export interface CatalogIssue {
  file: string;
  path: string;
  message: string;
}

export function formatIssue(issue: CatalogIssue): string {
  return `${issue.file}${issue.path ? ` at ${issue.path}` : ''}: ${issue.message}`;
}

/** Thrown at start-up when the catalog does not validate; lists every issue. */
export function catalogError(issues: CatalogIssue[]): YishiError {
  const shown = issues.slice(0, 50).map(formatIssue);
  const more = issues.length > 50 ? `\n… and ${issues.length - 50} more` : '';
  return new YishiError(
    'invalid',
    'catalog',
    `catalog has ${issues.length} problem(s):\n${shown.join('\n')}${more}`,
    {
      details: issues,
    },
  );
}
