import type { Catalog } from '../../load/catalog.ts';
import type { MaterialDef } from '../../model/material.schema.ts';
import { canonicalName, stableId } from './util.ts';

/**
 * Gives a portal material its catalog identity: an authored material when the name (or an alias) matches
 * — exactly, or by containing it, longest alias first (父母身份证 → 居民身份证, 代办人身份证 → 代办人居民身份证) —
 * otherwise a new imported material, one per distinct name.
 */
export class MaterialIdentity {
  private readonly names: { name: string; id: string }[];
  readonly created = new Map<string, MaterialDef>();

  constructor(catalog: Catalog) {
    this.names = [...catalog.materials.values()]
      .flatMap((m) => [m.name, ...m.aliases].map((n) => ({ name: canonicalName(n), id: m.id })))
      .filter((n) => [...n.name].length >= 2)
      .sort((a, b) => b.name.length - a.name.length);
  }

  resolve(rawName: string): string {
    const name = canonicalName(rawName);
    const exact = this.names.find((n) => n.name === name);
    if (exact) return exact.id;
    const contained = this.names.find(
      (n) => [...n.name].length >= 3 && name.includes(n.name) && name.length <= n.name.length + 6,
    );
    if (contained) return contained.id;
    const id = stableId('hn-mat', name);
    if (!this.created.has(id)) {
      this.created.set(id, { id, name: rawName.replace(/\s+/g, '').trim(), kind: kindOf(name), aliases: [] });
    }
    return id;
  }
}

function kindOf(name: string): MaterialDef['kind'] {
  if (/申请表|登记表|申请书|承诺书|承诺函|告知书|表$|书$/.test(name)) return 'form';
  if (/照片|影像/.test(name)) return 'photo';
  if (/合同|协议/.test(name)) return 'contract';
  if (/许可证|执照/.test(name)) return 'licence';
  if (/证明|证书|证$/.test(name)) return 'certificate';
  if (/身份/.test(name)) return 'identity';
  return 'other';
}
