/**
 * Writes the sandbox exchange's registry (registry.json): synthetic, clearly fictional people and companies
 * with valid ID numbers (GB 11643) and credit codes (GB 32100), households, marriages, newborns' birth
 * records and electronic licences. Deterministic (seeded), so the file only changes when this script does.
 * Usage: npx tsx server/shared-data/sandbox/generate-registry.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let seed = 20261124;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const SURNAMES = [
  '林',
  '周',
  '陈',
  '刘',
  '谭',
  '彭',
  '邓',
  '欧阳',
  '曾',
  '黎',
  '蒋',
  '贺',
  '伍',
  '罗',
  '石',
  '龙',
  '向',
  '唐',
  '易',
  '肖',
];
const GIVEN_M = [
  '景行',
  '志远',
  '浩然',
  '启航',
  '建国',
  '立新',
  '振东',
  '宇航',
  '子豪',
  '晨阳',
  '文博',
  '俊杰',
  '海波',
  '国栋',
  '竞川',
];
const GIVEN_F = [
  '晓岚',
  '雅婷',
  '若溪',
  '思雨',
  '佳慧',
  '春兰',
  '晓雯',
  '小燕',
  '若琳',
  '秋菊',
  '雨桐',
  '丽华',
  '美兰',
  '知夏',
  '欣悦',
];
const AREAS: [code: string, address: string][] = [
  ['430102', '湖南省长沙市芙蓉区五一大道'],
  ['430103', '湖南省长沙市天心区书院路'],
  ['430104', '湖南省长沙市岳麓区银杉路'],
  ['430111', '湖南省长沙市雨花区万家丽中路'],
  ['430202', '湖南省株洲市荷塘区新华东路'],
  ['430302', '湖南省湘潭市雨湖区建设北路'],
  ['430602', '湖南省岳阳市岳阳楼区巴陵中路'],
  ['430702', '湖南省常德市武陵区洞庭大道'],
];
const HOSPITALS = [
  '湖南省妇幼保健院',
  '长沙市妇幼保健院',
  '株洲市中心医院',
  '湘潭市中心医院',
  '岳阳市妇幼保健院',
];

function idNumber(area: string, birth: string, male: boolean): string {
  const seq = `${digits(2)}${male ? pick([1, 3, 5, 7, 9]) : pick([0, 2, 4, 6, 8])}`;
  const body = `${area}${birth.replace(/-/g, '')}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}

function uscc(area: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = `91${area}MA${Array.from({ length: 8 }, () => pick([...charset])).join('')}`;
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + charset.indexOf(c) * (w[i] ?? 0), 0);
  return body + charset[(31 - (sum % 31)) % 31];
}

function date(from: number, to: number): string {
  const y = from + Math.floor(random() * (to - from + 1));
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Person {
  idNumber: string;
  name: string;
  gender: '男' | '女';
  birthDate: string;
  ethnicity: string;
  hukouAddress: string;
  householdHead: string;
  maritalStatus: '未婚' | '已婚';
  phone: string;
  spouse?: string;
}

const people: Person[] = [];
const marriages: Record<string, string>[] = [];
const births: Record<string, string>[] = [];
const used = new Set<string>();
function person(male: boolean, from: number, to: number, area: [string, string], head?: string): Person {
  let name = '';
  do name = `${pick(SURNAMES)}${pick(male ? GIVEN_M : GIVEN_F)}`;
  while (used.has(name));
  used.add(name);
  const birthDate = date(from, to);
  const p: Person = {
    idNumber: idNumber(area[0], birthDate, male),
    name,
    gender: male ? '男' : '女',
    birthDate,
    ethnicity: random() < 0.85 ? '汉族' : pick(['土家族', '苗族', '侗族', '瑶族']),
    hukouAddress: `${area[1]}${1 + Math.floor(random() * 300)}号`,
    householdHead: head ?? name,
    maritalStatus: '未婚',
    phone: `1${pick(['39', '58', '87', '38', '59', '77'])}${digits(8)}`,
  };
  people.push(p);
  return p;
}

// 24 couples (the demo citizens first), 12 of them with a newborn; then 14 single adults and 6 retirees.
for (let i = 0; i < 24; i += 1) {
  const area = AREAS[i % AREAS.length] as [string, string];
  const husband = person(true, 1986, 1998, area);
  const wife = person(false, 1988, 2000, area, husband.name);
  wife.hukouAddress = husband.hukouAddress;
  husband.maritalStatus = wife.maritalStatus = '已婚';
  husband.spouse = wife.idNumber;
  wife.spouse = husband.idNumber;
  const registered = date(2018, 2024);
  marriages.push({
    结婚证字号: `J${area[0]}-${registered.slice(0, 4)}-${digits(6)}`,
    男方姓名: husband.name,
    男方公民身份号码: husband.idNumber,
    女方姓名: wife.name,
    女方公民身份号码: wife.idNumber,
    登记日期: registered,
    登记机关: `${area[1].slice(3, 6)}民政局婚姻登记处`,
  });
  if (i < 12)
    births.push({
      出生医学证明编号: `R43${digits(8)}`,
      新生儿姓名: '',
      新生儿性别: random() < 0.5 ? '男' : '女',
      出生时间: date(2026, 2026).replace(/^2026-(1[12])/, '2026-10'),
      助产机构名称: pick(HOSPITALS),
      母亲姓名: wife.name,
      母亲公民身份号码: wife.idNumber,
      父亲姓名: husband.name,
      父亲公民身份号码: husband.idNumber,
    });
}
for (let i = 0; i < 14; i += 1)
  person(i % 2 === 0, 1975, 2002, AREAS[(i + 3) % AREAS.length] as [string, string]);
for (let i = 0; i < 6; i += 1) person(i % 2 === 0, 1960, 1966, AREAS[i % AREAS.length] as [string, string]);

const TRADES = [
  '湘味小厨餐饮',
  '星沙茶语饮品',
  '云帆信息技术',
  '宝庆五金',
  '资江咨询',
  '鼎盛物流',
  '林海园林',
  '金桥贸易',
  '联创电子',
  '聚味轩餐饮',
];
const companies = Array.from({ length: 20 }, (_, i) => {
  const area = AREAS[i % AREAS.length] as [string, string];
  const rep = people[(i * 3) % people.length] as Person;
  const individual = i % 4 === 3;
  const name = individual
    ? `${area[1].slice(3, 5)}市${area[1].slice(6, 9)}${pick(TRADES).slice(0, 4)}店`
    : `湖南${TRADES[i % TRADES.length]}${i >= 10 ? '二' : ''}有限公司`;
  return {
    统一社会信用代码: uscc(area[0]),
    名称: name,
    类型: individual ? '个体工商户' : '有限责任公司',
    法定代表人: rep.name,
    法定代表人公民身份号码: rep.idNumber,
    住所: `${area[1]}${100 + i}号`,
    成立日期: date(2012, 2024),
    注册资本: individual ? '' : `${pick([10, 50, 100, 200, 500])}万元人民币`,
    经营范围: individual ? '餐饮服务；食品销售' : '技术服务；企业管理咨询；货物进出口',
    登记机关: `${area[1].slice(3, 6)}市场监督管理局`,
  };
});

const registry = {
  notice:
    '沙箱数据：以下人员、企业和证照均为虚构，仅用于演示与测试；身份证号和统一社会信用代码只是校验位正确，不对应任何真实的人或企业。',
  generatedBy: 'server/shared-data/sandbox/generate-registry.ts',
  people,
  marriages,
  births,
  companies,
};
const out = join(import.meta.dirname, 'registry.json');
writeFileSync(out, `${JSON.stringify(registry, null, 2)}\n`);
console.log(
  `${people.length} people, ${marriages.length} marriages, ${births.length} births, ${companies.length} companies → ${out}`,
);
