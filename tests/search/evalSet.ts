/**
 * Search evaluation set for the portal: what volunteer lecturers and villagers really type, with
 * the published seed items (src/seed/content) each query must find. Every expected item contains
 * the query after folding (full-width → half-width, lower case, traditional → simplified); for
 * queries with spaces, each word occurs in the item. Draft items are never expected.
 *
 * Each note starts with the query's kind: Substring, Phrase, Two words, Traditional,
 * Latin/digits, Dialect or Full-width.
 */

export type EvalQuery = {
  /** What a lecturer types into the search box. */
  query: string
  /** Slugs that MUST be among the results (published items only — never items with draft: true). */
  expect: string[]
  /** Why this query is realistic / what it exercises. */
  note: string
}

export const EVAL_SET: EvalQuery[] = [
  // Plain substrings of 2–4 characters: topic words a lecturer types when preparing a talk.
  {
    query: '彩礼',
    expect: ['caili-qing-qingfen-zhong', 'v-caili-xinghua', 'c-hongbai-lishihui'],
    note: 'Substring: the commonest 移风易俗 topic; a draft video and a draft textbook also mention it and must stay hidden.',
  },
  {
    query: '移风易俗',
    expect: ['t-jieling-fengsu', 'c-hongbai-lishihui', 'sangshi-jianban-lishihui'],
    note: 'Substring: a top-level topic name that is also a tag; matches through tags and topic names.',
  },
  {
    query: '医保',
    expect: ['yibao-suan-qingzhang', 'v-yibao-qingping'],
    note: 'Substring: two-character policy word asked about every autumn when premiums are due.',
  },
  {
    query: '竹编',
    expect: ['t-shimen-zhubian', 'zhubian-qishierbian', 'c-zhubian-chuanxisuo'],
    note: 'Substring: 石门 intangible heritage craft; one item of each kind besides the video.',
  },
  {
    query: '积分超市',
    expect: ['c-jifen-chaoshi', 'v-jifen-zhulin'],
    note: 'Substring: occurs in sixteen items; the case and the video about it must still be found.',
  },
  {
    query: '垃圾分类',
    expect: ['t-laji-fenlei', 'laji-fenlei-dayuan', 'v-laji-wenchang'],
    note: 'Substring: four-character topic appearing in titles of a textbook, a script and a video.',
  },
  {
    query: '反诈',
    expect: ['c-yinfa-fanzha', 't-laonian-fangzha', 'v-fangzha-hewan'],
    note: 'Substring: short official word for anti-fraud work; a draft script also contains it.',
  },
  {
    query: '理事会',
    expect: ['c-hongbai-lishihui', 'sangshi-jianban-lishihui'],
    note: 'Substring: tail of 红白理事会, typed when the full name is not remembered.',
  },
  {
    query: '丧事简办',
    expect: ['sangshi-jianban-lishihui', 'v-sangshi-chayuan', 'c-hongbai-lishihui'],
    note: 'Substring: a child topic name and tag.',
  },
  {
    query: '直播',
    expect: ['chashan-zhibojian', 'v-chashan-zhibo', 'c-chashan-yexiao'],
    note: 'Substring: livestream selling of 岚川茶, a 乡村振兴 theme for returning youth.',
  },
  {
    query: '留守儿童',
    expect: ['v-liushou-shangling', 'c-zhoumo-mama'],
    note: 'Substring: tag on the weekend-class video and the 周末妈妈 case.',
  },
  {
    query: '护河队',
    expect: ['c-huhe-dui'],
    note: 'Substring: name of one volunteer team; a single case should come back.',
  },
  {
    query: '杏花节',
    expect: ['t-xinghua-cunshi'],
    note: 'Substring: local festival, told in a chapter of the 杏花村 village history.',
  },
  {
    query: '快板',
    expect: ['kuaiban-shuo-xinfeng', 'c-yinfa-fanzha'],
    note: 'Substring: folk-art form a lecturer wants for a stage script; also mentioned in a case body.',
  },
  {
    query: '非遗',
    expect: ['zhubian-qishierbian', 't-shimen-zhubian', 'v-zhubian-helaoguan'],
    note: 'Substring: abbreviation of 非物质文化遗产, used as a tag.',
  },
  {
    query: '说事大院',
    expect: ['c-shuoshi-dayuan', 'laji-fenlei-dayuan'],
    note: 'Substring: the 文昌社区 courtyard for talking things through, a case and a script.',
  },
  {
    query: '板凳课堂',
    expect: ['c-bandeng-ketang', 'chengxin-yigancheng'],
    note: 'Substring: the format name; occurs in case title and in many script bodies.',
  },
  {
    query: '农家书屋',
    expect: ['shuwu-dengliang'],
    note: 'Substring: only one published item; the draft 院坝读书会 case also mentions it and must not appear.',
  },
  {
    query: '党史',
    expect: ['fanhuang-zhiyuanshu', 't-xinghua-cunshi'],
    note: 'Substring: two characters; matched via tag/topic name 党史学习.',
  },
  {
    query: '爱心理发',
    expect: ['c-aixin-lifa', 't-shenbian-haoren'],
    note: 'Substring: the barber volunteer team; the textbook has it inside a chapter body.',
  },
  {
    query: '周末妈妈',
    expect: ['c-zhoumo-mama'],
    note: 'Substring: name of a case, typed from memory of the title.',
  },
  {
    query: '破篾',
    expect: ['t-shimen-zhubian', 'zhubian-qishierbian'],
    note: 'Substring: craft term (splitting bamboo strips) only found in body text and chapters.',
  },
  {
    query: '红马甲',
    expect: ['hongmajia-jifen'],
    note: 'Substring: volunteer-uniform word from a script title.',
  },
  {
    query: '油菜花',
    expect: ['youcaihua-hongre', 't-qingping-daozuo'],
    note: 'Substring: 青坪 rape-flower season; a draft video titled with it must stay hidden.',
  },
  {
    query: '三句半',
    expect: ['kuaiban-shuo-xinfeng'],
    note: 'Substring: folk comic form; only published in the 快板 script (a draft video mentions it).',
  },
  {
    query: '村史',
    expect: ['t-xinghua-cunshi'],
    note: 'Substring: two-character word for village history.',
  },

  // Half-remembered phrases of 5–10 characters from inside a talk, a chapter or a subtitle cue.
  {
    query: '天上不会掉鸡蛋',
    expect: ['fangzha-xian-mohuang'],
    note: 'Phrase: punch line of the anti-fraud 板凳课堂 talk, remembered by a listener.',
  },
  {
    query: '一秤一公道',
    expect: ['chengxin-yigancheng'],
    note: 'Phrase: saying from the 诚信 script about selling fruit.',
  },
  {
    query: '生前一碗水',
    expect: ['sangshi-jianban-lishihui'],
    note: 'Phrase: first half of the old saying quoted in the 丧事简办 training talk.',
  },
  {
    query: '能卖钱的放蓝桶',
    expect: ['laji-fenlei-dayuan'],
    note: 'Phrase: the sorting jingle from the 说事大院 talk.',
  },
  {
    query: '图个万里挑一',
    expect: ['caili-qing-qingfen-zhong'],
    note: 'Phrase: 老杨叔 asking only 一万零一 as bride price.',
  },
  {
    query: '买不到那碗热汤',
    expect: ['retang-juli'],
    note: 'Phrase: the migrant son’s line in 一碗热汤的距离.',
  },
  {
    query: '劈成四十八层篾',
    expect: ['v-zhubian-helaoguan'],
    note: 'Phrase: from a subtitle cue of the bamboo-weaving video.',
  },
  {
    query: '免费的鸡蛋最贵',
    expect: ['t-laonian-fangzha'],
    note: 'Phrase: rule of thumb in the elderly anti-fraud reader.',
  },
  {
    query: '一斤茶一斤茶卖出来',
    expect: ['chashan-zhibojian'],
    note: 'Phrase: closing line of the returning-youth tea livestream talk.',
  },
  {
    query: '把情义用在活人身上',
    expect: ['v-sangshi-chayuan'],
    note: 'Phrase: last subtitle cue of the 茶园村 funeral-reform video.',
  },
  {
    query: '过河不再怕涨水',
    expect: ['fanhuang-zhiyuanshu'],
    note: 'Phrase: sentence written in the old ferryman’s Party application.',
  },
  {
    query: '秧好一半禾',
    expect: ['t-qingping-daozuo'],
    note: 'Phrase: farming proverb from the rice-growing manual.',
  },
  {
    query: '冬竹不生虫',
    expect: ['t-shimen-zhubian'],
    note: 'Phrase: craftsman’s saying about when to cut bamboo.',
  },
  {
    query: '手上莫得茧子',
    expect: ['t-lanchuan-chashi'],
    note: 'Phrase: the old tea master’s words, with a dialect word inside.',
  },
  {
    query: '比亲闺女还亲',
    expect: ['v-xiaolao-shangling'],
    note: 'Phrase: the 90-year-old mother-in-law’s line at the end of the video.',
  },
  {
    query: '日子是过出来的',
    expect: ['t-jieling-fengsu'],
    note: 'Phrase: young couple’s saying in the wedding chapter of the customs book.',
  },
  {
    query: '那年冬天苦是苦',
    expect: ['t-xinghua-cunshi'],
    note: 'Phrase: elders recalling the river-dike work in the village history.',
  },
  {
    query: '做好事有人看见',
    expect: ['v-jifen-zhulin'],
    note: 'Phrase: subtitle cue of the 积分超市 video.',
  },
  {
    query: '真公安不会叫你转钱',
    expect: ['v-fangzha-hewan'],
    note: 'Phrase: key warning in a subtitle cue of the 老杨叔 fraud video.',
  },
  {
    query: '迈出第一步',
    expect: ['hongmajia-jifen'],
    note: 'Phrase: from the body of the volunteer-recruiting script.',
  },

  // Two words separated by a space: each word must occur in the item.
  {
    query: '老年人 防诈骗',
    expect: ['t-laonian-fangzha', 'fangzha-xian-mohuang', 'v-fangzha-hewan'],
    note: 'Two words: audience plus topic, the typical way a lecturer narrows a search.',
  },
  {
    query: '彩礼 红白理事会',
    expect: ['caili-qing-qingfen-zhong', 'c-hongbai-lishihui', 'v-caili-xinghua'],
    note: 'Two words: topic plus the village body that sets the bride-price limit.',
  },
  {
    query: '医保 住院',
    expect: ['yibao-suan-qingzhang', 'v-yibao-qingping'],
    note: 'Two words: how much a hospital stay is reimbursed.',
  },
  {
    query: '竹编 传习所',
    expect: ['c-zhubian-chuanxisuo', 't-shimen-zhubian'],
    note: 'Two words: craft plus the teaching workshop.',
  },
  {
    query: '直播 茶山',
    expect: ['chashan-zhibojian', 'v-chashan-zhibo', 't-lanchuan-chashi'],
    note: 'Two words: livestreaming from the tea hills, across script, video and textbook.',
  },
  {
    query: '垃圾分类 积分',
    expect: ['t-laji-fenlei', 'c-jifen-chaoshi', 'laji-fenlei-dayuan'],
    note: 'Two words: sorting rewarded with points.',
  },
  {
    query: '留守 作业',
    expect: ['v-liushou-shangling', 'c-zhoumo-mama'],
    note: 'Two words: homework help for left-behind children.',
  },
  {
    query: '丧事 乐队',
    expect: ['v-sangshi-chayuan', 'sangshi-jianban-lishihui'],
    note: 'Two words: no bands at funerals, a concrete rule she remembers.',
  },
  {
    query: '杏花村 渡口',
    expect: ['t-xinghua-cunshi'],
    note: 'Two words: village plus landmark; the draft reading-club case also has both and must stay hidden.',
  },
  {
    query: '保健品 鸡蛋',
    expect: ['fangzha-xian-mohuang', 't-laonian-fangzha'],
    note: 'Two words: the free-eggs health-product scam.',
  },
  {
    query: '理发 血压',
    expect: ['c-aixin-lifa'],
    note: 'Two words: barbers visiting with a village doctor who takes blood pressure.',
  },
  {
    query: '返乡 创业',
    expect: ['chashan-zhibojian', 'v-chashan-zhibo', 'c-chashan-yexiao'],
    note: 'Two words: the compound 返乡创业 typed as two words.',
  },
  {
    query: '护河 电鱼',
    expect: ['c-huhe-dui'],
    note: 'Two words: river patrol stopping electrofishing.',
  },
  {
    query: '积分超市 铁锅',
    expect: ['v-jifen-zhulin'],
    note: 'Two words: the iron wok 张老倌 exchanged his points for in the video.',
  },
  {
    query: '异地就医 备案',
    expect: ['yibao-suan-qingzhang'],
    note: 'Two words: medical treatment in another province, a migrant worker’s question.',
  },

  // Typed in traditional characters (a phone set to traditional input, or a relative from abroad).
  {
    query: '彩禮',
    expect: ['caili-qing-qingfen-zhong', 'v-caili-xinghua'],
    note: 'Traditional: 彩禮 → 彩礼.',
  },
  {
    query: '醫保',
    expect: ['yibao-suan-qingzhang', 'v-yibao-qingping'],
    note: 'Traditional: 醫保 → 医保.',
  },
  {
    query: '鄉村振興',
    expect: ['chashan-zhibojian', 'youcaihua-hongre'],
    note: 'Traditional: 鄉村振興 → 乡村振兴, a topic name and tag.',
  },
  {
    query: '竹編',
    expect: ['t-shimen-zhubian', 'c-zhubian-chuanxisuo'],
    note: 'Traditional: 竹編 → 竹编.',
  },
  {
    query: '垃圾分類',
    expect: ['t-laji-fenlei', 'v-laji-wenchang'],
    note: 'Traditional: 垃圾分類 → 垃圾分类.',
  },
  {
    query: '積分超市',
    expect: ['c-jifen-chaoshi', 'v-jifen-zhulin'],
    note: 'Traditional: 積分超市 → 积分超市.',
  },
  {
    query: '喪事簡辦',
    expect: ['sangshi-jianban-lishihui', 'v-sangshi-chayuan'],
    note: 'Traditional: three converted characters in four (喪 簡 辦).',
  },
  {
    query: '防詐騙',
    expect: ['t-laonian-fangzha', 'c-yinfa-fanzha'],
    note: 'Traditional: 防詐騙 → 防诈骗; a draft script also matches and must stay hidden.',
  },
  {
    query: '孝老愛親',
    expect: ['retang-juli', 'v-xiaolao-shangling'],
    note: 'Traditional: 孝老愛親 → 孝老爱亲, topic name; three drafts also match.',
  },
  {
    query: '紅白理事會',
    expect: ['c-hongbai-lishihui', 'v-sangshi-chayuan'],
    note: 'Traditional: 紅白理事會 → 红白理事会.',
  },
  {
    query: '說事大院',
    expect: ['c-shuoshi-dayuan'],
    note: 'Traditional: 說事大院 → 说事大院.',
  },
  {
    query: '農家書屋',
    expect: ['shuwu-dengliang'],
    note: 'Traditional: 農家書屋 → 农家书屋; the draft reading-club case must stay hidden.',
  },
  {
    query: '移風易俗',
    expect: ['t-jieling-fengsu', 'c-hongbai-lishihui'],
    note: 'Traditional: 移風易俗 → 移风易俗.',
  },
  {
    query: '護河隊',
    expect: ['c-huhe-dui'],
    note: 'Traditional: 護河隊 → 护河队.',
  },

  // Latin letters and digits exactly as they occur in the text.
  {
    query: '96110',
    expect: ['fangzha-xian-mohuang', 'v-fangzha-hewan'],
    note: 'Latin/digits: the anti-fraud hotline number, in a script and a subtitle cue.',
  },
  {
    query: 'app',
    expect: ['t-laonian-fangzha', 'c-yinfa-fanzha'],
    note: 'Latin/digits: lower-case “app” must match “App” in 国家反诈中心App and 反诈App.',
  },
  {
    query: '反诈App',
    expect: ['c-yinfa-fanzha'],
    note: 'Latin/digits: CJK directly followed by Latin, as written in the case loop text.',
  },
  {
    query: '110报警',
    expect: ['t-laonian-fangzha'],
    note: 'Latin/digits: digits followed by CJK (“马上打110报警”).',
  },
  {
    query: '3号楼',
    expect: ['c-shuoshi-dayuan'],
    note: 'Latin/digits: Arabic digit; the garbage-sorting script writes 三号楼 and does not match.',
  },
  {
    query: '加50分',
    expect: ['c-jifen-chaoshi'],
    note: 'Latin/digits: points rule of the 积分超市 case, digits between CJK.',
  },
  {
    query: '打96110',
    expect: ['v-fangzha-hewan'],
    note: 'Latin/digits: the cue says 打96110, the script says 拨96110; a draft script also says 打96110.',
  },
  {
    query: 'app 来电预警',
    expect: ['t-laonian-fangzha', 'c-yinfa-fanzha'],
    note: 'Latin/digits: a Latin word and a CJK word as two query parts.',
  },

  // Dialect words from the videos' subtitle cues (岚川话 and 石门腔).
  {
    query: '莫得',
    expect: ['v-fangzha-hewan', 'v-xiaolao-shangling'],
    note: 'Dialect: 莫得 = 没有; the 老杨叔 video explains it in a cue. Two draft scripts also use it.',
  },
  {
    query: '伢崽',
    expect: ['v-liushou-shangling', 'v-chashan-zhibo'],
    note: 'Dialect: 伢崽 = children; occurs in over twenty items, the videos must still rank in.',
  },
  {
    query: '老辈子',
    expect: ['v-fangzha-hewan', 'v-liushou-shangling', 'v-chashan-zhibo'],
    note: 'Dialect: 老辈子 = the elders; very common in talks and cues.',
  },
  {
    query: '要得',
    expect: ['v-caili-xinghua', 'v-yibao-qingping', 'v-jifen-zhulin'],
    note: 'Dialect: 要得 = all right; the closing word of many cues.',
  },
  {
    query: '扯白话',
    expect: ['v-liushou-shangling', 'v-xiaolao-shangling', 'v-caili-xinghua'],
    note: 'Dialect: 扯白话 = to chat; 小唐 explains it in a cue.',
  },
  {
    query: '婆婆子',
    expect: ['v-xiaolao-shangling', 'v-chashan-zhibo'],
    note: 'Dialect: 婆婆子 = old woman in 石门腔, explained in 刘嫂’s video.',
  },
  {
    query: '做阳春',
    expect: ['v-yibao-qingping', 'v-chashan-zhibo'],
    note: 'Dialect: 做阳春 = farm work; 吴会计 explains it in a cue.',
  },
  {
    query: '老倌',
    expect: ['v-zhubian-helaoguan', 'v-jifen-zhulin'],
    note: 'Dialect: 老倌 = old man, in the titles and cues of two videos.',
  },
  {
    query: '莫放空',
    expect: ['v-liushou-shangling'],
    note: 'Dialect: 莫放空 = don’t miss a session, from the weekend-class volunteer.',
  },

  // Full-width forms (Chinese input methods in full-width mode) whose half-width form occurs.
  {
    query: '９６１１０',
    expect: ['fangzha-xian-mohuang', 'v-fangzha-hewan'],
    note: 'Full-width: full-width digits of the hotline fold to 96110.',
  },
  {
    query: 'ＡＰＰ',
    expect: ['t-laonian-fangzha', 'c-yinfa-fanzha'],
    note: 'Full-width: upper-case full-width Latin folds to “app”.',
  },
  {
    query: '１１０报警',
    expect: ['t-laonian-fangzha'],
    note: 'Full-width: full-width digits next to CJK.',
  },
  {
    query: '３号楼',
    expect: ['c-shuoshi-dayuan'],
    note: 'Full-width: full-width digit 3.',
  },
  {
    query: '加５０分',
    expect: ['c-jifen-chaoshi'],
    note: 'Full-width: full-width digits between CJK characters.',
  },
  {
    query: '反诈ａｐｐ',
    expect: ['c-yinfa-fanzha'],
    note: 'Full-width: lower-case full-width Latin after CJK.',
  },
  {
    query: '医保\u3000备案',
    expect: ['yibao-suan-qingzhang'],
    note: 'Full-width: ideographic space (U+3000) between two words must split like a normal space.',
  },
]

/**
 * Pinyin as phone users type it (full syllables or initials, no tones) for Chinese words in
 * titles, tags, topics and org names. Each expected item holds the Chinese word in its title or
 * in a name; pinyin matches rank below items that contain what was typed as text.
 */
export const PINYIN_SET: EvalQuery[] = [
  {
    query: 'caili',
    expect: [
      'caili-qing-qingfen-zhong',
      'v-caili-xinghua',
      't-jieling-fengsu',
      'c-hongbai-lishihui',
    ],
    note: 'Pinyin: 彩礼, full syllables.',
  },
  {
    query: 'cl',
    expect: [
      'caili-qing-qingfen-zhong',
      'v-caili-xinghua',
      't-jieling-fengsu',
      'c-hongbai-lishihui',
    ],
    note: 'Pinyin initials: 彩礼, the shortest a lecturer types on a phone keyboard.',
  },
  {
    query: 'ljfl',
    expect: ['laji-fenlei-dayuan', 'v-laji-wenchang', 't-laji-fenlei', 'c-huhe-dui'],
    note: 'Pinyin initials: 垃圾分类, a topic name and tag.',
  },
  {
    query: 'lajifenlei',
    expect: ['laji-fenlei-dayuan', 'v-laji-wenchang', 't-laji-fenlei', 'c-huhe-dui'],
    note: 'Pinyin: 垃圾分类, four syllables run together.',
  },
  {
    query: 'yibao',
    expect: ['yibao-suan-qingzhang', 'v-yibao-qingping', 't-laonian-fangzha', 'c-yinfa-fanzha'],
    note: 'Pinyin: 医保 in titles and tags.',
  },
  {
    query: 'zb',
    expect: [
      'zhubian-qishierbian',
      'v-zhubian-helaoguan',
      't-shimen-zhubian',
      'c-zhubian-chuanxisuo',
    ],
    note: 'Pinyin initials: 竹编; other words with the same initials may come too.',
  },
  {
    query: 'fanzha',
    expect: ['fangzha-xian-mohuang', 'v-fangzha-hewan', 't-laonian-fangzha', 'c-yinfa-fanzha'],
    note: 'Pinyin: 反诈, the word on every anti-fraud poster.',
  },
  {
    query: 'yfys',
    expect: [
      'caili-qing-qingfen-zhong',
      'sangshi-jianban-lishihui',
      'v-sangshi-chayuan',
      'c-hongbai-lishihui',
    ],
    note: 'Pinyin initials: 移风易俗, a top-level topic.',
  },
  {
    query: 'xinghuacun',
    expect: ['chashan-zhibojian', 'v-caili-xinghua', 't-xinghua-cunshi'],
    note: 'Pinyin: 杏花村, a village station by name.',
  },
  {
    query: 'hbls',
    expect: ['sangshi-jianban-lishihui', 'v-sangshi-chayuan', 'c-hongbai-lishihui'],
    note: 'Pinyin initials: 红白理事(会), a brand project.',
  },
]
