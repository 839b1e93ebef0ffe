/** How a turn ended. Every outcome but `answered` has a prepared Chinese message. */
export type Outcome =
  | 'answered'
  | 'clarify'
  | 'no_answer'
  | 'off_topic'
  | 'unsafe'
  | 'crisis'
  | 'handoff'
  | 'error';

export const OUTCOME_MESSAGES: Record<Exclude<Outcome, 'answered'>, string> = {
  clarify:
    '我还不太确定您想办的是哪件事。可以说说具体情况吗？例如“孩子刚出生要办什么”“快退休了要准备什么”“想开一家餐馆”。',
  no_answer:
    '这个问题我在办事指南里没有找到可靠的答案，不想给您不准确的信息。建议拨打12345政务服务便民热线，或咨询办理窗口。',
  off_topic:
    '我是“一事”政务服务助手，只能帮您了解“高效办成一件事”的办理：要准备哪些材料、先办什么后办什么、去哪里办、要多久。例如：新生儿出生、退休、开办餐饮店、企业注销等。',
  unsafe: '这个请求我不能协助。如果您有政务服务方面的问题，我很乐意帮忙。',
  crisis:
    '听起来您现在很难受。如果您有危险或想伤害自己，请立即拨打110或120；心理援助热线：12356。您并不孤单。',
  handoff: '这个问题需要人工帮您处理。您可以拨打12345政务服务便民热线，接线员会继续为您办理。',
  error: '抱歉，服务暂时出现问题，请稍后再试，或拨打12345政务服务便民热线。',
};
