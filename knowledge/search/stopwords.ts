/**
 * Function words and chat filler that carry no topic: dropped from queries and index alike so BM25
 * weighs the words that name a matter. Kept short on purpose; words like 办/证 stay because they matter.
 */
export const STOPWORDS = new Set(
  (
    '的 了 吗 呢 啊 呀 吧 哦 嘛 哈 么 着 过 和 与 及 或 在 是 有 也 都 就 还 又 很 太 更 最 被 把 给 让 对 从 向 到 于 ' +
    '我 你 您 他 她 它 我们 你们 他们 咱 咱们 自己 这 那 这个 那个 这些 那些 哪 哪个 什么 啥 怎么 怎样 怎么样 如何 ' +
    '请问 请 一下 一些 一个 一点 可以 能 能不能 可不可以 需要 需不需要 想 想要 要 应该 得 该 会 ' +
    '嗯 喂 你好 您好 谢谢 麻烦 问 问问 咨询 知道 告诉 现在 然后 还有 已经 刚刚 刚才 怎么办 哪些 个 些 啦 呗 么样'
  ).split(' '),
);
