/** What people say for an option (个体户 for 个体工商户, 租的 for 租赁). */
const OPTION_WORDS: Record<string, RegExp> = {
  个体工商户: /个体工商户|个体户|个体经营/,
  // Said as the type, not read off a name ending in 有限公司 (a 股份有限公司 ends so too).
  有限责任公司: /有限责任公司|是有限公司|有限公司类型|普通有限公司/,
  个人独资企业: /个人独资/,
  合伙企业: /合伙企业|合伙/,
  自有: /自有|自己的房|自家的?房|自己家的?|自己买的/,
  租赁: /租赁|租的|租来的|租了|租房|租用|门面是租/,
  邮寄: /邮寄|寄到|快递|寄给/,
  现场自取: /自取|自己去拿|现场取|自己拿|去窗口拿|到?现场.{0,3}[拿取领]/,
  随父落户: /(?<!民族)(?:随父|跟爸爸|跟着爸爸|随爸爸|落在爸爸|上在爸爸|跟父亲)/,
  随母落户: /(?<!民族)(?:随母|跟妈妈|跟着妈妈|随妈妈|落在妈妈|上在妈妈|跟母亲)/,
  未婚: /未婚|没结过婚|头婚|第一次结婚|[没冒]结婚|单身/,
  离婚: /离婚|离异|离过婚/,
  丧偶: /丧偶/,
  子女: /我是.{0,3}(儿子|女儿|闺女|子女)(?![妈爸])|子女/,
  母亲: /我是.{0,3}(妈妈|母亲)|孩子(他|的)?妈/,
  父亲: /我是.{0,3}(爸爸|父亲)|孩子(他|的)?爸/,
  到派出所领取: /派出所领|派出所拿|去派出所取/,
  女方迁入男方户: /女方.{0,6}迁(入|到|进).{0,2}男方|迁到男方/,
  男方迁入女方户: /男方.{0,6}迁(入|到|进).{0,2}女方|迁到女方/,
  不迁移: /不迁|户口.{0,2}不动|不用迁/,
  小学一年级: /上小学|小学一年级|读一年级|上一年级/,
  初中一年级: /上初中|初一|初中一年级|小升初/,
  以灵活就业人员身份参加职工养老保险: /灵活就业.{0,6}养老|养老.{0,6}灵活就业/,
  以灵活就业人员身份参加职工医保: /灵活就业.{0,6}医保|医保.{0,6}灵活就业/,
  配偶: /我是.{0,3}(老伴|丈夫|妻子|爱人|老公|老婆|堂客|配偶)|配偶/,
  固定期限: /(?<!无)固定期限|签.{0,3}[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年(的)?(劳动)?合同/,
  无固定期限: /无固定期限|长期合同|签到退休/,
};

/**
 * Whether a clause says an option: in the catalog's cues for it (the field's `optionCues`), in the everyday
 * words shared by many forms, or in its own words (core or bracketed part).
 */
export function saysOption(
  option: string,
  clause: string,
  cues?: readonly string[],
  fieldNamed = true,
): boolean {
  if (cues?.some((c) => new RegExp(c, 'u').test(clause))) return true;
  const shared = OPTION_WORDS[option];
  if (shared) return shared.test(clause);
  // 其他 means an option only by the catalog's cues; short words (退休, 股东 in 股东会决议) only in a clause
  // about the option's field, or as the whole clause (三级).
  if (GENERIC_OPTION.test(option)) return false;
  if (clause === option) return true;
  return literal(option, fieldNamed ? 2 : 3).test(clause);
}

const GENERIC_OPTION = /^(其他|其它|无|否|是|有|没有)$/;

function literal(option: string, minLength: number): RegExp {
  const core = option.replace(/（[^）]*）|\([^)]*\)/g, '');
  const inner = /（([^）]{3,})）|\(([^)]{3,})\)/.exec(option);
  const parts = [core, inner?.[1] ?? inner?.[2] ?? ''].filter(
    (p) => p.length >= minLength && !/[、，,]/.test(p),
  );
  return parts.length > 0 ? new RegExp(parts.map(escapeRegExp).join('|')) : /(?!)/;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
