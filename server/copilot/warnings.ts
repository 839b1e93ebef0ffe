import { normalizeText } from '../../knowledge/search/normalize.ts';
import { checkSafety } from '../answer/guard/safety-rules.ts';
import type { WarningKind } from './work-order.schema.ts';

/** Complaints about a department, its staff or a delay (not a complaint about one's own misfortune). */
const COMPLAINT =
  /投诉|举报|我要反映|没人来(修|管|处理|看)|都没用|派人来管|管一管|反映一下|反映个|(也|都|到底)不管|管不管|态度(很|太|特别|真)?(差|不好|恶劣|生硬)|推诿|踢皮球|推来推去|互相推|不作为|乱收费|刁难|故意拖|拖了(好|快|半|一|两|三|几)|(一直|迟迟|好久|几个月|两个月|半年)(都)?没(办|批|发|回|人管|处理|下来|到账)|没人(管|理|处理)|办事(太|好|真)慢|效率(太)?(低|差)|跑了(好|很)?多(趟|次)|(不|没)给(我)?办|骂人|凶/;

/** Asking for someone above the agent. */
const SUPERVISOR =
  /(找|叫|让|要|跟|和|转给|转到|转一下|转)(你们)?(的)?(领导|负责人|主管|主任|经理|上级|局长|科长)|领导(来|接|出来)|负责的人/;

/**
 * The warnings a caller's words raise for the agent: crisis (the same reviewed rules as the assistant's own
 * guard), a complaint, a request for a supervisor, a request for a person.
 */
export function callerWarnings(lines: readonly string[]): WarningKind[] {
  const found = new Set<WarningKind>();
  for (const line of lines) {
    // 我不是投诉 / 不是要投诉 says what the call is not.
    const text = normalizeText(line).replace(/(不是|并不是|不算)(要)?(投诉|举报)/g, '');
    const safety = checkSafety(text, line);
    if (safety?.outcome === 'crisis') found.add('crisis');
    if (COMPLAINT.test(text)) found.add('complaint');
    if (SUPERVISOR.test(text)) found.add('supervisor');
  }
  return [...found];
}
