import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { formPrefixes } from './roles.ts';

/**
 * Who 我 is in a form, when the person says so: the guardian or agent filling for someone else (我是他的监护人,
 * 代办人写我, 是他妈妈), a parent (我是孩子爸爸, 我老婆叫…), a spouse (我是女方). Each rule names the form prefixes it
 * may mean, in order; the first the form has wins.
 */
const SPEAKER_RULES: { says: RegExp; prefixes: string[]; heir?: true }[] = [
  {
    says: /我是(?:他|她|孩子|小孩)?的?监护人|监护人(?:是|写|填)我|我(?:来)?监护/,
    prefixes: ['guardian', 'agent'],
  },
  {
    says: /我是(?:他|她)的?(?:代办人|代理人|家属)|(?:代办人|代理人|代办|经办人)(?:是|写|填)?我(?![们的])|我(?:来|帮|替)(?:他|她|我妈|我爸|老人|孩子|我儿子|我女儿)(?:办|申请|代办)/,
    prefixes: ['agent', 'guardian', 'contact'],
  },
  {
    says: /(?:^|[,，。;；])(?:我)?是(?:他|她|孩子)的?(?:妈妈|爸爸|母亲|父亲)/,
    prefixes: ['guardian', 'agent'],
  },
  {
    says: /我是(?:孩子|宝宝)?(?:的)?(?:妈妈|母亲)|我老公|孩子(?:他|的)?爸(?:爸)?是/,
    prefixes: ['mother', 'bride', 'guardian'],
  },
  {
    says: /我是(?:孩子|宝宝)?(?:的)?(?:爸爸|父亲)|(?:我|屋里)(?:老婆|堂客|媳妇|爱人)|堂客|孩子(?:他|的)?妈(?:妈)?是/,
    prefixes: ['father', 'groom', 'guardian'],
  },
  // Between the two getting married, 他叫… is said by her and 她叫… by him.
  {
    says: /我是女方|我是新娘|我(?:跟|和)?(?:男朋友|未婚夫|对象他)|(?:^|[,，;；。])(?:他|男的|男方)叫/,
    prefixes: ['bride'],
  },
  {
    says: /我是男方|我是新郎|我(?:跟|和)?(?:女朋友|未婚妻)|(?:^|[,，;；。])(?:她|女的|女方)叫/,
    prefixes: ['groom'],
  },
  {
    says: /我是(?:她|他)的?(?:女儿|儿子|子女)|我是(?:他们|老人)的?(?:女儿|儿子)/,
    prefixes: ['agent', 'applicant'],
    heir: true,
  },
];

/** The prefix 我 stands for according to this message, if it says. */
export function speakerIn(message: string, keys: readonly string[]): string | undefined {
  const text = normalizeText(message);
  const prefixes = formPrefixes(keys);
  for (const rule of SPEAKER_RULES)
    if (rule.says.test(text)) {
      // A son or daughter of the deceased is the applicant (the heir), not an agent.
      const order = rule.heir && prefixes.has('deceased') ? ['applicant', ...rule.prefixes] : rule.prefixes;
      const prefix = order.find((p) => prefixes.has(p));
      if (prefix) return prefix;
    }
  return undefined;
}

/** How options name the speaker's role: 户口跟我落 said by the father is 跟爸爸. */
const SPEAKER_WORDS: Record<string, string> = {
  father: '爸爸',
  mother: '妈妈',
  groom: '男方',
  bride: '女方',
};

export function speakerWord(speaker: string | undefined): string | undefined {
  return speaker ? SPEAKER_WORDS[speaker] : undefined;
}

/** Words for the person the form is about when the speaker fills it for them (他, 孩子, 我妈). */
const SUBJECT = /(?<![我你])[他她](?!们)|孩子|小孩|老人|我妈|我爸|我崽|我儿子|我女儿|持卡人|残疾人/;

interface ClauseRole {
  role: string;
  prefix: string;
  word: string;
}

/**
 * The roles of a clause once the speaker is known: 我 is the speaker's role; filling for someone else, 他/孩子 is the
 * person the form is about (the applicant, or between a couple the other one), also when the clause is about them
 * first (她的身份证号我抄错了).
 */
export function clauseRoles(
  clause: string,
  found: readonly ClauseRole[],
  prefixes: ReadonlySet<string>,
  speaker: string | undefined,
): ClauseRole[] {
  const roles = found.map((r) => (r.role === 'self' && speaker ? { ...r, prefix: speaker } : r));
  const subject = subjectPrefix(prefixes, speaker);
  const said = subject ? SUBJECT.exec(clause) : null;
  const selfAt = roles.find((x) => x.role === 'self') ? clause.search(/我/) : -1;
  if (subject && said && (roles.length === 0 || (roles.length === 1 && selfAt > said.index)))
    roles.unshift({ role: 'subject', prefix: subject, word: said[0] });
  return roles;
}

/** The applicant's prefix when the speaker is someone else (a guardian or agent), else none. */
function subjectPrefix(prefixes: ReadonlySet<string>, speaker: string | undefined): string | undefined {
  // Between a couple, 他/她 is the other one.
  if (speaker === 'bride' && prefixes.has('groom')) return 'groom';
  if (speaker === 'groom' && prefixes.has('bride')) return 'bride';
  if (!speaker || !['guardian', 'agent'].includes(speaker)) return undefined;
  return ['applicant', 'person'].find((p) => prefixes.has(p));
}
