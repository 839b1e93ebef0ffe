import type { Bundle } from '../model/bundle.schema.ts';
import type { Fact } from '../model/fact.schema.ts';
import type { MaterialDef } from '../model/material.schema.ts';
import type { Matter } from '../model/matter.schema.ts';
import type { RegionOverlay } from '../model/region-overlay.schema.ts';
import type { SharedSource } from '../model/shared-source.schema.ts';

/** The validated, cross-checked catalog: read-only once loaded. */
export interface Catalog {
  bundles: ReadonlyMap<string, Bundle>;
  matters: ReadonlyMap<string, Matter>;
  materials: ReadonlyMap<string, MaterialDef>;
  facts: ReadonlyMap<string, Fact>;
  sharedSources: ReadonlyMap<string, SharedSource>;
  overlays: readonly RegionOverlay[];
  /** sha256 of every data file's content, to know when derived indexes must be rebuilt. */
  hash: string;
}
