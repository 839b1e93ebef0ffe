/**
 * Every weight and threshold of lexical search and bundle routing, in one reviewed place.
 * Change them only with an eval run (`npm run eval`) before and after.
 */
export const SEARCH_CONFIG = {
  chunks: {
    /** BM25 field boosts for guide chunks. */
    boost: { title: 2, question: 1.5, text: 1 },
    /** Score multiplier by chunk section: answers to questions live in FAQs and conditions more than overviews. */
    sectionWeight: {
      faq: 1.3,
      conditions: 1.2,
      limits: 1.1,
      steps: 1,
      materials: 1,
      channels: 1,
      overview: 0.6,
    },
    /**
     * Query words that guide text says differently (a person writes 寄, the guide 邮寄). Reviewed by hand;
     * the aliases of bundles and matters cover the names of things.
     */
    synonyms: {
      寄: ['邮寄'],
      到家: ['邮寄'],
      快递: ['邮寄'],
      网上: ['线上', '网办'],
      线上: ['网上', '网办'],
      钱: ['费用', '收费'],
      明年: ['次年'],
      第二年: ['次年'],
      到场: ['现场'],
      // What people say for what the guides call it (12345 colloquial usage).
      扯证: ['结婚登记', '领证'],
      领证: ['结婚登记'],
      老赖: ['失信被执行人', '失信'],
      上户口: ['落户', '出生登记'],
      报户口: ['落户', '出生登记'],
      娃: ['孩子', '宝宝'],
      小孩: ['孩子'],
      老公: ['配偶'],
      老婆: ['配偶'],
      爱人: ['配偶'],
      媳妇: ['配偶'],
      退休金: ['养老金'],
      证件照: ['照片'],
      电车: ['新能源汽车'],
      对公户: ['对公账户', '银行账户'],
      交社保: ['参保', '缴费'],
      生孩子: ['生育'],
      执照: ['营业执照'],
      走了: ['去世', '死亡'],
      过世: ['去世', '死亡'],
    } as Record<string, readonly string[]>,
    /**
     * Hunan (Xiang) dialect and spoken forms that callers of 12345 use, with the Mandarin words the catalog is
     * written in. Appended to routing queries (not search: they cost it recall), never substituted: 冒 is also a surname.
     */
    dialect: {
      堂客: ['妻子', '老婆'],
      老倌子: ['丈夫', '老伴'],
      老倌: ['丈夫', '老伴'],
      妹坨: ['女儿', '女孩'],
      生哒: ['生了', '出生', '新生儿'],
      生咯: ['生了', '出生', '新生儿'],
      走哒: ['去世', '死亡'],
      过身: ['去世', '死亡'],
      么子: ['什么'],
      冒交: ['没交', '未参保'],
      冒得: ['没有'],
      昨日: ['昨天'],
      屋里: ['家里'],
      生孩子: ['出生', '新生儿'],
      钟点工: ['非全日制', '灵活就业'],
      满六十: ['退休', '退休年龄'],
      满60: ['退休', '退休年龄'],
      满五十: ['退休', '退休年龄'],
      满55: ['退休', '退休年龄'],
      到退休年龄: ['退休'],
      请了个: ['招用', '录用', '员工'],
      招了个: ['招用', '录用', '员工'],
      兼职: ['非全日制', '用工'],
    } as Record<string, readonly string[]>,
  },
  hybrid: {
    /** Candidates taken from each list before fusion. */
    candidates: 50,
    /** Reciprocal-rank fusion constant: score = Σ 1 / (k + rank). */
    rrfK: 10,
    /** Weight of each list in the fusion: the local embedding is a recall aid more than an equal vote. */
    weights: { lexical: 1, dense: 1, lookup: 1 },
    /**
     * Words that say which part of a guide a question is about (多久 → limits): chunks of that section are
     * multiplied by `sectionIntentBoost`. Checked in order; a question may name several.
     */
    sectionCues: {
      materials: ['材料', '带什么', '拿什么', '准备什么', '交什么', '资料', '照片', '复印件', '原件', '证件'],
      limits: [
        '多久',
        '几天',
        '多少天',
        '多长时间',
        '时限',
        '期限',
        '办结',
        '几个工作日',
        '多少钱',
        '收费',
        '收钱',
        '费用',
        '要钱',
        '跑几次',
      ],
      channels: ['在哪', '哪里', '去哪', '渠道', '入口', '网上', '线上', 'app', '窗口', '地址', '邮寄'],
      steps: ['流程', '步骤', '顺序', '先后', '怎么申请', '怎么办理'],
      conditions: ['条件', '资格', '符合', '谁能', '哪些人'],
    } as Record<string, readonly string[]>,
    sectionIntentBoost: 1.8,
    /**
     * Structured lookup (section-lookup.ts): the asked sections of the `owners` bundles or matters whose names
     * and aliases match the question best (each scoring at least `minShare` of the best), as a third list.
     */
    lookup: { owners: 1, minShare: 0.6, boost: { name: 2, aliases: 1 } },
    /** Authored guides outrank imported ones a little. */
    authority: { authored: 1, imported: 0.9 },
    /**
     * A hit is relevant with a strong lexical (BM25) or dense (cosine) match alone, or with both at least at the
     * moderate levels; with no relevant hit the search says "nothing relevant".
     */
    gate: { strongBm25: 80, strongCosine: 0.2, bm25: 40, cosine: 0.1 },
    /**
     * The gate for a search within the bundle in focus (follow-up questions): the topic is known, so weaker
     * evidence counts; the composer still requires the passage to cover the question's own words.
     */
    focusedGate: { strongBm25: 20, strongCosine: 0.12, bm25: 8, cosine: 0.05 },
  },
  routing: {
    /** Weight of a bundle's card field where a feature occurs (the highest counts). */
    fields: { name: 3, aliases: 3, matters: 1, materials: 0.25 },
    /** Weight of each feature family (see route-features.ts). */
    features: { word: 1, singleChar: 0.4, bigram: 0.5, pinyin: 0.3 },
    /** Score added per character of an alias (or name) found verbatim in the message. */
    aliasCharBonus: 0.5,
    /** The best bundle must score at least this to be chosen … */
    minScore: 3,
    /** … and at least this many times the runner-up, or the person is asked which one. */
    minRatio: 1.3,
    /** With a bundle in focus, a message stays on it while the focus scores within this factor of the best. */
    stayRatio: 1.5,
    /** With a bundle in focus, another bundle not named by an alias must score at least this to take over. */
    switchMinScore: 6,
    /** A runner-up within this fraction of the best is offered when asking. */
    clarifyWithin: 0.5,
    /**
     * Words of any service request that say nothing about which event it is; they and their
     * character bigrams are ignored when routing.
     */
    genericTerms: [
      '办',
      '办理',
      '办事',
      '手续',
      '材料',
      '资料',
      '证件',
      '准备',
      '流程',
      '步骤',
      '一次',
      '一次性',
      '一次办',
      '一起',
      '部门',
      '窗口',
      '需要',
      '申请',
      '提前',
      '哪些',
      '什么',
      '怎么',
      '怎么办',
      '怎样',
      '如何',
      '有没有',
      '没有',
      '接下来',
      '东西',
      '事情',
      '问题',
      '相关',
      '全部',
      '所有',
      '网上',
      '线上',
      '在线',
      '现在',
      '听说',
      '时候',
      '可以',
      '能不能',
      '不能',
      '可不可以',
      '是不是',
      '带',
      '要带',
      '多久',
      '时间',
      '费用',
      '地方',
      '哪里',
      '请问',
      '你好',
      '您好',
      '麻烦',
      '咨询',
      '一下',
      '一件事',
      '一件',
      '事项',
      '联办',
      '服务',
      '政务',
      '政府',
      '想',
      '想开',
      '想办',
      '想要',
      '打算',
      '另外',
      '工作日',
      '几个',
      '多少',
      '几天',
      '要多久',
      '办结',
      '办好',
      '现场',
      '到场',
      '电话',
      '热线',
      '业务',
      '问题',
      '费用',
      '收费',
      '原件',
      '复印件',
      '还有',
      '那个',
      '这个',
    ],
  },
} as const;
