/**
 * Words that show a message is about government services even when no 一件事 could be placed:
 * such a message gets `clarify` (ask what they need), anything else `off_topic`.
 */
const SERVICE_WORDS =
  /办|证|手续|材料|申请|登记|注册|注销|变更|社保|医保|公积金|户口|户籍|执照|许可|窗口|政务|审批|补贴|养老|退休|入学|上学|报名|开店|公司|企业|个体|营业|税|证明|备案|盖章|签字|预约|补办|挂失|政府|部门|信息|修改|更改|填表|表格|这一步|下一步|咨询|问个事|问件事/;

export function looksLikeService(text: string): boolean {
  return SERVICE_WORDS.test(text);
}
