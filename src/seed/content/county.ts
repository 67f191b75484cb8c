import type { OrgLevel, Role } from '@/lib/vocabulary'

import type { OrgSlug, TopicSlug } from './types'

/** The fictional 岚川县: one center, four institutes, seven stations and a media-center partner. */
export type SeedOrg = {
  slug: OrgSlug | 'lanchuan-media'
  name: string
  level: OrgLevel
  parent?: OrgSlug
  regionCode: string
  description: string
}

export const orgs: SeedOrg[] = [
  {
    slug: 'lanchuan',
    name: '岚川县新时代文明实践中心',
    level: 'center',
    regionCode: '990123',
    description: '统筹全县文明实践工作，组织县级宣讲团，审核各所、站发布的资源。',
  },
  {
    slug: 'liuxi',
    name: '柳溪镇新时代文明实践所',
    level: 'institute',
    parent: 'lanchuan',
    regionCode: '990123101',
    description: '岚川河下游的茶果之乡，每年春天办杏花节，宣讲队常在河边茶棚开讲。',
  },
  {
    slug: 'shimen',
    name: '石门镇新时代文明实践所',
    level: 'institute',
    parent: 'lanchuan',
    regionCode: '990123102',
    description: '山区大镇，竹林连片，竹编手艺代代相传，留守老人较多。',
  },
  {
    slug: 'qingping',
    name: '青坪乡新时代文明实践所',
    level: 'institute',
    parent: 'lanchuan',
    regionCode: '990123201',
    description: '全县的粮仓，水稻和油菜轮作，春天油菜花开满坝子。',
  },
  {
    slug: 'chengguan',
    name: '城关街道新时代文明实践所',
    level: 'institute',
    parent: 'lanchuan',
    regionCode: '990123001',
    description: '县城所在地，新市民和返乡青年多，社区志愿服务活跃。',
  },
  {
    slug: 'xinghua',
    name: '杏花村新时代文明实践站',
    level: 'station',
    parent: 'liuxi',
    regionCode: '990123101201',
    description: '柳溪镇杏花村，村口老杏树下就是宣讲点。',
  },
  {
    slug: 'hewan',
    name: '河湾村新时代文明实践站',
    level: 'station',
    parent: 'liuxi',
    regionCode: '990123101202',
    description: '岚川河拐弯处的村子，护河志愿队在这里成立。',
  },
  {
    slug: 'shangling',
    name: '上岭村新时代文明实践站',
    level: 'station',
    parent: 'shimen',
    regionCode: '990123102201',
    description: '海拔最高的村，板凳课堂开在各家堂屋里。',
  },
  {
    slug: 'chayuan',
    name: '茶园村新时代文明实践站',
    level: 'station',
    parent: 'shimen',
    regionCode: '990123102202',
    description: '满山茶园，村里的年轻人在直播间里卖茶。',
  },
  {
    slug: 'qingping-cun',
    name: '青坪村新时代文明实践站',
    level: 'station',
    parent: 'qingping',
    regionCode: '990123201201',
    description: '青坪乡政府所在村，积分超市最早在这里开张。',
  },
  {
    slug: 'zhulin',
    name: '竹林村新时代文明实践站',
    level: 'station',
    parent: 'qingping',
    regionCode: '990123201202',
    description: '竹林环抱的小村，红白理事会的规矩是村民一起定的。',
  },
  {
    slug: 'wenchang',
    name: '文昌社区新时代文明实践站',
    level: 'station',
    parent: 'chengguan',
    regionCode: '990123001001',
    description: '老城区社区，说事大院每周三晚上开门。',
  },
  {
    slug: 'lanchuan-media',
    name: '岚川县融媒体中心',
    level: 'mediaCenter',
    regionCode: '990123',
    description: '县级融媒体中心，在“岚川发布”网站和客户端嵌入本资源库的内容。',
  },
]

export type SeedTopic = { slug: TopicSlug; name: string; parent?: TopicSlug; description: string }

export const topics: SeedTopic[] = [
  { slug: 'xuexi-lilun', name: '学习实践科学理论', description: '用身边事讲清楚大道理。' },
  {
    slug: 'chuangxin-lilun',
    name: '党的创新理论',
    parent: 'xuexi-lilun',
    description: '理论微宣讲。',
  },
  { slug: 'dangshi', name: '党史学习', parent: 'xuexi-lilun', description: '本地红色故事与党史。' },
  { slug: 'zhengce-xuanjiang', name: '宣传宣讲党的政策', description: '把政策讲到群众心坎上。' },
  {
    slug: 'xiangcun-zhenxing',
    name: '乡村振兴',
    parent: 'zhengce-xuanjiang',
    description: '产业、人才与返乡创业。',
  },
  {
    slug: 'huimin-zhengce',
    name: '惠民政策',
    parent: 'zhengce-xuanjiang',
    description: '医保、养老、教育等政策解读。',
  },
  { slug: 'fazhi', name: '法治宣传', parent: 'zhengce-xuanjiang', description: '普法与反诈防骗。' },
  { slug: 'zhuliu-jiazhi', name: '培育践行主流价值', description: '好家风、好邻里、好风气。' },
  {
    slug: 'xiaolao-aiqin',
    name: '孝老爱亲',
    parent: 'zhuliu-jiazhi',
    description: '敬老爱老的身边故事。',
  },
  { slug: 'chengxin', name: '诚信友善', parent: 'zhuliu-jiazhi', description: '讲诚信、守信用。' },
  {
    slug: 'zhiyuan-fuwu',
    name: '志愿服务',
    parent: 'zhuliu-jiazhi',
    description: '人人可为的志愿服务。',
  },
  { slug: 'wenhua-shenghuo', name: '丰富活跃文化生活', description: '群众自己的文化生活。' },
  {
    slug: 'feiyi',
    name: '非遗传承',
    parent: 'wenhua-shenghuo',
    description: '竹编等本地非物质文化遗产。',
  },
  {
    slug: 'qunzhong-wenyi',
    name: '群众文艺',
    parent: 'wenhua-shenghuo',
    description: '快板、三句半与村晚。',
  },
  {
    slug: 'quanmin-yuedu',
    name: '全民阅读',
    parent: 'wenhua-shenghuo',
    description: '农家书屋与读书会。',
  },
  {
    slug: 'yifeng-yisu',
    name: '持续深入移风易俗',
    description: '婚事新办、丧事简办、破除陈规陋习。',
  },
  {
    slug: 'hunshi-xinban',
    name: '婚事新办',
    parent: 'yifeng-yisu',
    description: '抵制高价彩礼，简办婚礼。',
  },
  {
    slug: 'sangshi-jianban',
    name: '丧事简办',
    parent: 'yifeng-yisu',
    description: '厚养薄葬，文明祭扫。',
  },
]

export type SeedUser = { email: string; name: string; role: Role; org: OrgSlug }

/** Demo password for every seeded account (documented in the README; change it in production). */
export const DEMO_PASSWORD = 'lanchuan2026'

export const users: SeedUser[] = [
  { email: 'admin@lanchuan.example', name: '县中心管理员', role: 'admin', org: 'lanchuan' },
  {
    email: 'reviewer@lanchuan.example',
    name: '何审核（县中心）',
    role: 'reviewer',
    org: 'lanchuan',
  },
  {
    email: 'liuxi.reviewer@lanchuan.example',
    name: '许审核（柳溪镇）',
    role: 'reviewer',
    org: 'liuxi',
  },
  {
    email: 'liuxi.editor@lanchuan.example',
    name: '陈编辑（柳溪镇）',
    role: 'editor',
    org: 'liuxi',
  },
  {
    email: 'xinghua.editor@lanchuan.example',
    name: '周编辑（杏花村）',
    role: 'editor',
    org: 'xinghua',
  },
  {
    email: 'xinghua.lecturer@lanchuan.example',
    name: '杨宣讲员（杏花村）',
    role: 'lecturer',
    org: 'xinghua',
  },
  {
    email: 'orders@lanchuan.example',
    name: '韩调度（县中心点单）',
    role: 'reviewer',
    org: 'lanchuan',
  },
  {
    email: 'liuxi.orders@lanchuan.example',
    name: '孙派单（柳溪镇）',
    role: 'editor',
    org: 'liuxi',
  },
  {
    email: 'shimen.lecturer@lanchuan.example',
    name: '郑宣讲员（石门百姓名嘴）',
    role: 'lecturer',
    org: 'shimen',
  },
  {
    email: 'liuxi.lecturer@lanchuan.example',
    name: '吴宣讲员（柳溪银发宣讲团）',
    role: 'lecturer',
    org: 'liuxi',
  },
]

export const site = {
  name: '岚川县文明实践资源库',
  tagline: '宣讲稿 · 方言短视频 · 乡土教材 · 品牌项目案例',
  footer:
    '岚川县新时代文明实践中心 主办　｜　岚川县融媒体中心 协办\n本站内容均为示例，岚川县为虚构县份。',
  icp: '岚ICP备00000000号-1',
  embedOrigins: [{ origin: 'https://www.lanchuan-media.example' }],
}
