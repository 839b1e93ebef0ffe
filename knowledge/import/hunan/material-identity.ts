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
    const contained = this.names.find((n) => {
      const at = name.indexOf(n.name);
      if ([...n.name].length < 3 || at === -1) return false;
      return WHO.test(name.slice(0, at)) && FORM.test(name.slice(at + n.name.length));
    });
    if (contained) return contained.id;
    const id = stableId('hn-mat', name);
    if (!this.created.has(id)) {
      this.created.set(id, { id, name: rawName.replace(/\s+/g, '').trim(), kind: kindOf(name), aliases: [] });
    }
    return id;
  }
}

/** What may stand around a known material's name and still be that material: whose it is, and which form. */
const WHO =
  /^(父母|父亲|母亲|申请人|本人|经办人|代办人|委托人|受托人|死亡人员|逝者|监护人|法定代表人|负责人|配偶|夫妻双方|双方|新生儿)?(的)?$/;
const FORM = /^(原件|复印件|正副本|正本|副本|原件及复印件)?$/;

function kindOf(name: string): MaterialDef['kind'] {
  if (/申请表|登记表|申请书|承诺书|承诺函|告知书|表$|书$/.test(name)) return 'form';
  if (/照片|影像/.test(name)) return 'photo';
  if (/合同|协议/.test(name)) return 'contract';
  if (/许可证|执照/.test(name)) return 'licence';
  if (/证明|证书|证$/.test(name)) return 'certificate';
  if (/身份/.test(name)) return 'identity';
  return 'other';
}
