/**
 * Who a clause is about. Each role has the words people use for it and the form key prefixes it fills, in
 * order of preference; the first prefix the bundle's form has wins. 我/本人 is the bundle's own applicant.
 */
export interface RoleRule {
  role: string;
  words: RegExp;
  prefixes: string[];
}

export const ROLE_RULES: RoleRule[] = [
  {
    role: 'newLegalRep',
    words: /新法人|新的法人|新法定代表人|新的法定代表人|换成/,
    prefixes: ['change.newLegalRep'],
  },
  {
    role: 'legalRep',
    words: /法定代表人|法人代表|法人|负责人|经营者|执行事务合伙人|投资人/,
    prefixes: ['legalRep', 'operator', 'taxpayer.legalRep'],
  },
  { role: 'contact', words: /联系人/, prefixes: ['contact'] },
  { role: 'applicant', words: /申请人|继承人/, prefixes: ['applicant'] },
  { role: 'agent', words: /经办人|代办人|代理人|受托人/, prefixes: ['agent', 'querier.agent', 'contact'] },
  { role: 'safetyOfficer', words: /食品安全管理员|安全员|安全管理人员/, prefixes: ['food.safetyOfficer'] },
  { role: 'coBorrower', words: /共同借款人|共同还款人|配偶/, prefixes: ['coBorrower'] },
  { role: 'host', words: /投靠|户主/, prefixes: ['household.host', 'hukou.host', 'household.head'] },
  {
    role: 'deceased',
    words: /去世的|逝者|死者|过世的|走了的|老人家|我爸|我妈|家父|家母|父亲|母亲|老伴|爷爷|奶奶|外公|外婆/,
    prefixes: ['deceased'],
  },
  {
    role: 'child',
    words: /孩子|宝宝|小孩|娃|儿子|女儿|闺女|妹坨|伢子|满崽|新生儿|小朋友|学生/,
    prefixes: ['child', 'student'],
  },
  {
    role: 'groom',
    words: /男方|新郎|我老公|老公|未婚夫|男朋友|男的(?=叫|是\p{Script=Han}{2})/u,
    prefixes: ['groom', 'father', 'coBorrower'],
  },
  {
    role: 'bride',
    words: /女方|新娘|我老婆|老婆|媳妇|未婚妻|女朋友|爱人|女的(?=叫|是\p{Script=Han}{2})/u,
    prefixes: ['bride', 'mother', 'coBorrower'],
  },
  {
    role: 'mother',
    words: /(?:孩子|宝宝|伢子|娃|妹坨)(?:他|的)?妈(?:妈)?|妈妈|母亲|堂客/,
    prefixes: ['mother', 'guardian'],
  },
  {
    role: 'father',
    words: /(?:孩子|宝宝|伢子|娃|妹坨)(?:他|的)?爸(?:爸)?|爸爸|父亲/,
    prefixes: ['father', 'guardian'],
  },
  { role: 'guardian', words: /监护人|家长/, prefixes: ['guardian'] },
  { role: 'oldVehicle', words: /旧车|老车|原车|二手车|报废车/, prefixes: ['oldVehicle'] },
  { role: 'newVehicle', words: /新车|新买的车|买的新/, prefixes: ['newVehicle'] },
  { role: 'employee', words: /员工|职工|新人|新招的|新同事|阿姨|师傅|小工/, prefixes: ['employee'] },
  { role: 'veteran', words: /退役军人|退伍/, prefixes: ['veteran'] },
  {
    role: 'entity',
    words: /公司|企业|单位|店名|店铺|门店|餐馆|饭店|个体户|字号|商户|主体/,
    prefixes: ['enterprise', 'entity', 'individual', 'taxpayer', 'applicant.unit'],
  },
  {
    role: 'self',
    words: /我叫|我是|本人|我自己|我的|我(?![妈爸家们老儿女崽妹姐哥弟爷奶外孙])/,
    prefixes: [
      'applicant',
      'person',
      'borrower',
      'operator',
      'veteran',
      'employee',
      'guardian',
      'legalRep',
      'contact',
    ],
  },
];

const ENTITY_PREFIXES = new Set(ROLE_RULES.find((r) => r.role === 'entity')?.prefixes ?? []);

/** Whether a prefix is an entity's (a company, a shop), not a person's. */
export function isEntity(prefix: string | undefined): boolean {
  return prefix !== undefined && ENTITY_PREFIXES.has(prefix);
}

/** The prefix of the person or entity a key is about: child.name → child, change.newLegalRepName → change.newLegalRep. */
export function prefixOf(key: string): string {
  const camel = /^(.*\.[a-z]+(?:[A-Z][a-z]+)*?)(Name|IdNumber|Phone|Uscc)$/.exec(key);
  return camel?.[1] ?? key.split('.')[0] ?? key;
}

/** The prefixes a form has: `child.name` gives `child`; `change.newLegalRepName` gives `change.newLegalRep`. */
export function formPrefixes(keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const [head] = key.split('.');
    if (head) out.add(head);
    out.add(prefixOf(key));
  }
  return out;
}

/**
 * The roles a clause names, first one first (a longer word wins at the same place: 孩子妈妈 is the mother),
 * each with the prefix it fills in this form and the word that named it.
 */
export function rolesIn(
  clause: string,
  prefixes: ReadonlySet<string>,
): { role: string; prefix: string; word: string }[] {
  const found: { role: string; prefix: string; word: string; at: number }[] = [];
  for (const rule of ROLE_RULES) {
    const m = rule.words.exec(clause);
    if (!m) continue;
    const prefix = rule.prefixes.find((p) => prefixes.has(p));
    if (prefix && !found.some((f) => f.prefix === prefix))
      found.push({ role: rule.role, prefix, word: m[0], at: m.index });
  }
  // A word inside a longer one (孩子 in 孩子妈妈) does not count.
  const inside = (f: (typeof found)[number], g: (typeof found)[number]) =>
    g !== f && g.at <= f.at && g.at + g.word.length >= f.at + f.word.length && g.word.length > f.word.length;
  // Two role words side by side name one person: 我是孩子妈妈 and 监护人是我 are the mother and the guardian, not
  // the speaker in general; 单位经办人 is the agent (the head noun comes last).
  const gap = (a: (typeof found)[number], b: (typeof found)[number]) =>
    /^[是的他她写填为:：\s]{0,3}$/.test(clause.slice(a.at + a.word.length, b.at));
  const beside = (f: (typeof found)[number], g: (typeof found)[number]) =>
    g !== f &&
    ((f.role === 'self' && (gap(f, g) || gap(g, f))) ||
      // …but an entity after a title only says whose it is (经办人是公司财务…).
      (f.role !== 'self' && g.role !== 'self' && g.role !== 'entity' && g.at > f.at && gap(f, g)));
  const kept = found.filter((f) => !found.some((g) => inside(f, g)));
  return kept
    .filter((f) => !kept.some((g) => beside(f, g)))
    .sort((a, b) => a.at - b.at || b.word.length - a.word.length);
}

/** The gender a kinship word says (父亲, 儿子, 堂客, 妹坨 …), if any. */
export function genderOf(word: string): '男' | '女' | undefined {
  if (/父|爸|儿子|丈夫|老公|老倌子|爷爷|外公|哥|弟|男/.test(word)) return '男';
  if (/母|妈|女儿|妻子|老婆|堂客|妹坨|奶奶|外婆|姐|妹|女|闺女|媳妇/.test(word)) return '女';
  return undefined;
}
