/** What the voice channel says in its own words (everything else comes from the catalog through the pipeline). */
export const VOICE_LINES = {
  greeting:
    '您好，这里是一二三四五热线智能导办。请问您想办什么事？比如孩子出生、退休、开饭店。需要人工服务，请说转人工，或者按零。',
  askRepeat: '需要我重复吗？',
  howToMove: '您可以说下一项、上一项，或者重复一遍。',
  reprompt: '您可以直接说想办的事，比如退休要准备什么。',
  stillThere: '您还在吗？',
  silentGoodbye: '您暂时没有说话，这次通话先到这里。有需要请再打一二三四五。再见。',
  goodbye: '好的，感谢您的来电。祝您办事顺利，再见。',
  transfer: '好的，正在为您转接人工服务，请稍候。',
  crisisOffer: '需要我现在为您转接人工吗？',
  walkEnd: '材料就说到这里。',
  offerSteps: '要听一下先办什么、后办什么吗？',
  stepsEnd: '办理顺序就是这些。',
  anythingElse: '您还有别的问题吗？',
  firstItem: '这是第一项，前面没有了。',
  moreFollows: '后面还有，要继续听吗？',
  noMore: '已经说完了。',
  moreWithAgent: '各个事项的详细情况比较多，需要的话可以说转人工。',
  resume: '刚才的材料还没说完，要继续听吗？',
  notUnderstood: '不好意思，我没听明白。您可以再说一遍，或者说转人工。',
} as const;
