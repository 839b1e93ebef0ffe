import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const DivisionsFile = z.object({
  source: z.string(),
  divisions: z.array(z.tuple([z.string().regex(/^\d{6}$/), z.string()])),
  towns: z.array(z.tuple([z.string(), z.string().regex(/^\d{6}$/)])),
});

const file = DivisionsFile.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, 'divisions.json'), 'utf8')),
);
const nameOf = new Map(file.divisions);

/**
 * Areas on provincial portals that are not GB/T 2260 divisions (national new areas, management zones):
 * their services are those of the city they lie in.
 */
const SPECIAL_AREAS: Record<string, string> = {
  湖南湘江新区: '430100',
  屈原管理区: '430600',
  大通湖管理区: '430900',
  大通湖区: '430900',
  金洞管理区: '431100',
  洪江区: '431200',
  西洞庭管理区: '430700',
};

/** The name of a GB/T 2260 code, e.g. 430102 → 芙蓉区. */
export function regionName(code: string): string | undefined {
  return nameOf.get(code);
}

/** Province, city, county: the codes a region's version may be keyed by, most specific first. */
export function regionChain(code: string): string[] {
  return [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
}

/** Whether `code` lies within `scope` (a province, city or county code). */
export function withinRegion(code: string, scope: string): boolean {
  if (scope.endsWith('0000')) return code.startsWith(scope.slice(0, 2));
  if (scope.endsWith('00')) return code.startsWith(scope.slice(0, 4));
  return code === scope;
}

/**
 * Finds the code of an area name as a portal writes it (长沙市, 芙蓉区, 石牛江镇, 湖南湘江新区) within a province.
 * Towns resolve to their county; special zones to their city. Returns undefined when the name is unknown.
 */
export function resolveAreaName(
  name: string,
  provincePrefix: string,
): { code: string; note?: string } | undefined {
  const trimmed = name.trim();
  const special = SPECIAL_AREAS[trimmed];
  if (special?.startsWith(provincePrefix))
    return { code: special, note: `${trimmed}按所在市（${regionName(special)}）的区划代码归属` };
  const matches = file.divisions.filter(([code, n]) => n === trimmed && code.startsWith(provincePrefix));
  if (matches.length === 1 && matches[0]) return { code: matches[0][0] };
  // Portals often shorten autonomous counties: 麻阳县 for 麻阳苗族自治县.
  const suffix = /(县|区|市|州)$/.exec(trimmed)?.[1];
  if (suffix) {
    const stem = trimmed.slice(0, -1);
    const longer = file.divisions.filter(
      ([code, n]) =>
        code.startsWith(provincePrefix) && n.startsWith(stem) && n.endsWith(suffix) && n.includes('自治'),
    );
    if (longer.length === 1 && longer[0]) return { code: longer[0][0], note: `${trimmed}即${longer[0][1]}` };
  }
  const town = file.towns.find(([n, county]) => n === trimmed && county.startsWith(provincePrefix));
  if (town) return { code: town[1], note: `${trimmed}按所属区县（${regionName(town[1])}）的区划代码归属` };
  if (/省$/.test(trimmed)) {
    const province = file.divisions.find(([code, n]) => n === trimmed && code.endsWith('0000'));
    if (province) return { code: province[0] };
  }
  return undefined;
}
