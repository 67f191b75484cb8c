import type { Dialect, OrgSlug, TopicSlug } from './types'

/**
 * Lecturers and lecture teams of the demo county (original writing about the fictional 岚川县).
 * `account` names the seed user whose 我的派单 shows the orders dispatched to the profile.
 */
export type SeedLecturer = {
  slug: string
  displayName: string
  kind: 'person' | 'team'
  team?: string
  org: OrgSlug
  dialects: Dialect[]
  topics: TopicSlug[]
  bio: string
  account?: string
  /** Resources they give (主讲), as `kind/slug`. */
  talks: string[]
}

export const lecturers: SeedLecturer[] = [
  {
    slug: 'yang-xiufen',
    talks: ['scripts/caili-qing-qingfen-zhong', 'videos/v-caili-xinghua'],
    displayName: '杨秀芬',
    kind: 'person',
    team: '杏花村板凳宣讲队',
    org: 'xinghua',
    dialects: ['lanchuan', 'mandarin'],
    topics: ['yifeng-yisu', 'hunshi-xinban'],
    bio: '杏花村退休村医，嗓门亮、记性好。彩礼、红白事、邻里纠纷这些家长里短，她用岚川话一讲，老人们点头，年轻人也笑。每月逢五在村口大樟树下开讲。',
    account: 'xinghua.lecturer@lanchuan.example',
  },
  {
    slug: 'yinfa-xuanjiangtuan',
    talks: ['cases/c-yinfa-fanzha', 'scripts/kuaiban-shuo-xinfeng'],
    displayName: '柳溪银发宣讲团',
    kind: 'team',
    org: 'liuxi',
    dialects: ['lanchuan'],
    topics: ['dangshi', 'xiaolao-aiqin'],
    bio: '十一位平均年龄六十八岁的老党员、老教师和老兵。他们把柳溪镇的老渡口、老茶棚讲成党史课，也把孝老爱亲的好人好事编成快板，一年走遍全镇二十多个自然村。',
    account: 'liuxi.lecturer@lanchuan.example',
  },
  {
    slug: 'shimen-baixing-mingzui',
    talks: ['scripts/yibao-suan-qingzhang', 'scripts/yanglao-wenda'],
    displayName: '石门百姓名嘴',
    kind: 'team',
    org: 'shimen',
    dialects: ['shimen', 'mandarin'],
    topics: ['huimin-zhengce', 'fazhi'],
    bio: '石门镇从种粮大户、快递站长、返乡创业青年里选出的七位“名嘴”，专讲惠民政策和防骗常识。讲完不走，留下来帮大家在手机上把医保、养老金查清楚。',
    account: 'shimen.lecturer@lanchuan.example',
  },
  {
    slug: 'chen-liqun',
    talks: ['scripts/lilun-jiachanghua'],
    displayName: '陈立群',
    kind: 'person',
    team: '岚川县理论宣讲团',
    org: 'lanchuan',
    dialects: ['mandarin'],
    topics: ['chuangxin-lilun', 'xiangcun-zhenxing'],
    bio: '县委党校讲师，县理论宣讲团成员。擅长把乡村振兴的大文件拆成“三笔账”：收入账、环境账、人心账，用岚川本地的例子算给大家听。',
  },
  {
    slug: 'zhulin-bandeng-ketang',
    talks: ['cases/c-bandeng-ketang', 'videos/v-zhubian-helaoguan'],
    displayName: '竹林板凳课堂宣讲队',
    kind: 'team',
    org: 'zhulin',
    dialects: ['lanchuan'],
    topics: ['feiyi', 'quanmin-yuedu'],
    bio: '竹林村的篾匠、民办教师和两位大学生村官组成的宣讲队。板凳一摆就开讲，讲竹编手艺的来历，也带着孩子们读书，晚上顺便教老人用手机视频通话。',
  },
]
