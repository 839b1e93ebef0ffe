import type { Bundle } from '../model/bundle.schema.ts';
import type { Condition } from '../model/condition.schema.ts';
import type { MaterialUse } from '../model/material.schema.ts';
import type { Matter } from '../model/matter.schema.ts';
import type { RegionOverlay } from '../model/region-overlay.schema.ts';
import { conditionFacts, conditionLeaves } from '../plan/condition.ts';
import { findCycle } from '../plan/dag.ts';
import type { Catalog } from './catalog.ts';
import type { CatalogIssue } from './catalog-issue.ts';
import type { LoadedFile } from './read-files.ts';

interface Files {
  bundleFiles: LoadedFile<Bundle>[];
  matterFiles: LoadedFile<Matter>[];
  overlayFiles: LoadedFile<RegionOverlay>[];
}

/**
 * Checks what a schema alone cannot: every referenced matter, material, fact and shared source exists;
 * dependencies form a DAG; every condition names a fact the bundle declares, with a value that fact can take;
 * every form field maps to member matters.
 */
export function crossCheck(catalog: Catalog, files: Files, issues: CatalogIssue[]): void {
  const matterFile = new Map(files.matterFiles.map((f) => [f.data.id, f.file]));
  for (const { file, data: matter } of files.matterFiles) checkMatter(catalog, file, matter, issues);
  for (const [i, m] of catalog.materials) {
    if (m.shared && !catalog.sharedSources.has(m.shared)) {
      issues.push({ file: 'materials', path: i, message: `unknown shared source "${m.shared}"` });
    }
  }
  for (const { file, data: bundle } of files.bundleFiles)
    checkBundle(catalog, file, bundle, matterFile, issues);
  for (const { file, data: overlay } of files.overlayFiles) checkOverlay(catalog, file, overlay, issues);
}

function checkMatter(catalog: Catalog, file: string, matter: Matter, issues: CatalogIssue[]): void {
  for (const [i, use] of matter.materials.entries())
    checkMaterialUse(catalog, file, `materials[${i}]`, use, issues);
  const refs = matter.materials.map((m) => m.ref);
  const dup = refs.find((r, i) => refs.indexOf(r) !== i);
  if (dup) issues.push({ file, path: 'materials', message: `material "${dup}" listed twice` });
}

function checkMaterialUse(
  catalog: Catalog,
  file: string,
  path: string,
  use: MaterialUse,
  issues: CatalogIssue[],
) {
  if (!catalog.materials.has(use.ref)) {
    issues.push({
      file,
      path: `${path}.ref`,
      message: `unknown material "${use.ref}" (declare it in materials/)`,
    });
  }
  if (use.shared && !catalog.sharedSources.has(use.shared)) {
    issues.push({ file, path: `${path}.shared`, message: `unknown shared source "${use.shared}"` });
  }
  if (use.condition) checkConditionValues(catalog, file, `${path}.condition`, use.condition, issues);
}

function checkBundle(
  catalog: Catalog,
  file: string,
  bundle: Bundle,
  matterFile: Map<string, string>,
  issues: CatalogIssue[],
): void {
  const members = new Set(bundle.matters.map((m) => m.id));
  const declared = new Set(bundle.facts);
  bundle.facts.forEach((f, i) => {
    if (!catalog.facts.has(f)) issues.push({ file, path: `facts[${i}]`, message: `unknown fact "${f}"` });
  });
  bundle.matters.forEach((bm, i) => {
    const path = `matters[${i}]`;
    if (!catalog.matters.has(bm.id))
      issues.push({ file, path: `${path}.id`, message: `unknown matter "${bm.id}"` });
    bm.after.forEach((a, j) => {
      if (!members.has(a)) {
        issues.push({
          file,
          path: `${path}.after[${j}]`,
          message: `"${a}" is not a member matter of this bundle`,
        });
      }
    });
    if (bm.condition) {
      checkConditionValues(catalog, file, `${path}.condition`, bm.condition, issues);
      checkDeclared(conditionFacts(bm.condition), declared, file, `${path}.condition`, issues);
    }
    const matter = catalog.matters.get(bm.id);
    matter?.materials.forEach((use, k) => {
      if (!use.condition) return;
      const where = `${matterFile.get(bm.id)} materials[${k}].condition`;
      checkDeclared(conditionFacts(use.condition), declared, file, `matters[${i}] (${where})`, issues);
    });
  });
  const ids = bundle.matters.map((m) => m.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) issues.push({ file, path: 'matters', message: `matter "${dup}" listed twice` });
  const cycle = findCycle(bundle.matters.map((m) => ({ id: m.id, after: m.after })));
  if (cycle)
    issues.push({ file, path: 'matters', message: `dependencies form a cycle: ${cycle.join(' → ')}` });

  const keys = new Set<string>();
  bundle.form.fields.forEach((field, i) => {
    const path = `form.fields[${i}]`;
    if (keys.has(field.key))
      issues.push({ file, path: `${path}.key`, message: `duplicate field "${field.key}"` });
    keys.add(field.key);
    field.matters.forEach((m, j) => {
      if (!members.has(m)) {
        issues.push({
          file,
          path: `${path}.matters[${j}]`,
          message: `"${m}" is not a member matter of this bundle`,
        });
      }
    });
    if (field.shared && !catalog.sharedSources.has(field.shared.source)) {
      issues.push({
        file,
        path: `${path}.shared.source`,
        message: `unknown shared source "${field.shared.source}"`,
      });
    }
    if (field.type === 'choice' && !field.options?.length) {
      issues.push({ file, path: `${path}.options`, message: 'a choice field needs options' });
    }
  });
}

function checkOverlay(catalog: Catalog, file: string, overlay: RegionOverlay, issues: CatalogIssue[]): void {
  const bundle = catalog.bundles.get(overlay.bundle);
  if (!bundle) {
    issues.push({ file, path: 'bundle', message: `unknown bundle "${overlay.bundle}"` });
    return;
  }
  const members = new Set([...bundle.matters.map((m) => m.id), ...overlay.addMatters.map((m) => m.id)]);
  overlay.addMatters.forEach((m, i) => {
    if (!catalog.matters.has(m.id))
      issues.push({ file, path: `addMatters[${i}].id`, message: `unknown matter "${m.id}"` });
    m.after.forEach((a, j) => {
      if (!members.has(a))
        issues.push({ file, path: `addMatters[${i}].after[${j}]`, message: `"${a}" is not a member` });
    });
  });
  overlay.removeMatters.forEach((m, i) => {
    if (!members.has(m))
      issues.push({ file, path: `removeMatters[${i}]`, message: `"${m}" is not a member` });
  });
  overlay.matterOverrides.forEach((o, i) => {
    if (!members.has(o.matter))
      issues.push({ file, path: `matterOverrides[${i}].matter`, message: `"${o.matter}" is not a member` });
    for (const [k, use] of o.addMaterials.entries()) {
      checkMaterialUse(catalog, file, `matterOverrides[${i}].addMaterials[${k}]`, use, issues);
    }
  });
  const effective = bundle.matters
    .filter((m) => !overlay.removeMatters.includes(m.id))
    .concat(overlay.addMatters)
    .map((m) => ({ id: m.id, after: m.after.filter((a) => !overlay.removeMatters.includes(a)) }));
  const cycle = findCycle(effective);
  if (cycle)
    issues.push({ file, path: 'addMatters', message: `dependencies form a cycle: ${cycle.join(' → ')}` });
}

function checkDeclared(
  facts: string[],
  declared: Set<string>,
  file: string,
  path: string,
  issues: CatalogIssue[],
) {
  for (const f of facts) {
    if (!declared.has(f))
      issues.push({
        file,
        path,
        message: `condition uses fact "${f}" that the bundle does not declare in facts`,
      });
  }
}

function checkConditionValues(
  catalog: Catalog,
  file: string,
  path: string,
  condition: Condition,
  issues: CatalogIssue[],
) {
  for (const leaf of conditionLeaves(condition)) {
    const fact = catalog.facts.get(leaf.fact);
    if (!fact) {
      issues.push({ file, path, message: `unknown fact "${leaf.fact}"` });
      continue;
    }
    const allowed = fact.options.map((o) => o.value);
    for (const v of Array.isArray(leaf.is) ? leaf.is : [leaf.is]) {
      if (!allowed.includes(v))
        issues.push({ file, path, message: `fact "${leaf.fact}" has no option ${JSON.stringify(v)}` });
    }
  }
}
