/** One thing the importer could not map, with where it is. */
export interface ImportIssue {
  file: string;
  path: string;
  kind: 'unknown_field' | 'malformed' | 'unmapped' | 'unmatched';
  message: string;
}

/** What an import did: counts, every issue, and the known fields it deliberately did not import. */
export class ImportReport {
  readonly issues: ImportIssue[] = [];
  readonly skipped = new Map<string, { reason: string; count: number }>();
  readonly counts = {
    files: 0,
    bundleFiles: 0,
    matterFiles: 0,
    bundles: 0,
    overlays: 0,
    matters: 0,
    materials: 0,
    failedFiles: 0,
  };

  issue(file: string, path: string, kind: ImportIssue['kind'], message: string): void {
    this.issues.push({ file, path, kind, message });
  }

  skip(field: string, reason: string): void {
    const entry = this.skipped.get(field) ?? { reason, count: 0 };
    entry.count += 1;
    this.skipped.set(field, entry);
  }

  toJSON() {
    const byKind: Record<string, number> = {};
    for (const i of this.issues) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
    return {
      counts: this.counts,
      issuesByKind: byKind,
      issues: this.issues,
      skippedFields: Object.fromEntries([...this.skipped].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}
