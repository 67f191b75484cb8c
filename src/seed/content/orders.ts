import type { OrgSlug } from './types'

/**
 * Demo 点单 of the fictional 岚川县 (original writing), so the figures, the profiles' ratings and
 * the admin's queues have something to show. Phone numbers are in the 139 0000 test range.
 */
export type SeedOrder = {
  village: OrgSlug
  name: string
  resource?: string
  subject?: string
  audienceType: 'elderly' | 'youth' | 'farmers' | 'cadres' | 'women' | 'migrants' | 'public'
  audienceSize: number
  daysAgo: number
  /** How far it got: the lecturer profile slug when dispatched. */
  lecturer?: string
  dispatchAfterDays?: number
  outcome?: 'dispatched' | 'accepted' | 'declined' | 'completed' | 'rated'
  rating?: number
  comment?: string
  place?: string
}

export const orders: SeedOrder[] = [
  {
    village: 'xinghua',
    name: '李桂兰',
    resource: 'scripts/caili-qing-qingfen-zhong',
    audienceType: 'elderly',
    audienceSize: 45,
    daysAgo: 40,
    lecturer: 'yang-xiufen',
    dispatchAfterDays: 1,
    outcome: 'rated',
    rating: 5,
    comment: '杨医生讲彩礼，句句说到我们心坎上，散场后还有人留下来问嫁妆的事。',
    place: '杏花村村口大樟树下',
  },
  {
    village: 'hewan',
    name: '陈友福',
    resource: 'scripts/caili-qing-qingfen-zhong',
    audienceType: 'farmers',
    audienceSize: 30,
    daysAgo: 33,
    lecturer: 'yang-xiufen',
    dispatchAfterDays: 2,
    outcome: 'rated',
    rating: 4,
    comment: '岚川话讲得亲切，就是时间短了点，下回想多听一会。',
    place: '河湾村文化礼堂',
  },
  {
    village: 'xinghua',
    name: '王春燕',
    subject: '村里几户人家办喜事想简办，想请人来讲讲红白理事会的章程。',
    audienceType: 'women',
    audienceSize: 25,
    daysAgo: 21,
    lecturer: 'yang-xiufen',
    dispatchAfterDays: 3,
    outcome: 'rated',
    rating: 5,
    place: '杏花村妇女之家',
  },
  {
    village: 'shangling',
    name: '赵德明',
    resource: 'scripts/yibao-suan-qingzhang',
    audienceType: 'elderly',
    audienceSize: 60,
    daysAgo: 18,
    lecturer: 'shimen-baixing-mingzui',
    dispatchAfterDays: 1,
    outcome: 'rated',
    rating: 4,
    comment: '名嘴们讲完还帮老人在手机上查了医保余额，实在。',
    place: '上岭村党群服务中心',
  },
  {
    village: 'chayuan',
    name: '孙海英',
    subject: '茶季快到了，想请人讲讲网上卖茶怎么防骗。',
    audienceType: 'farmers',
    audienceSize: 35,
    daysAgo: 9,
    lecturer: 'shimen-baixing-mingzui',
    dispatchAfterDays: 4,
    outcome: 'declined',
    place: '茶园村茶叶合作社',
  },
  {
    village: 'zhulin',
    name: '刘小军',
    resource: 'cases/c-bandeng-ketang',
    audienceType: 'youth',
    audienceSize: 20,
    daysAgo: 6,
    lecturer: 'zhulin-bandeng-ketang',
    dispatchAfterDays: 2,
    outcome: 'accepted',
    place: '竹林村篾匠铺门口',
  },
  {
    village: 'hewan',
    name: '周长顺',
    resource: 'cases/c-yinfa-fanzha',
    audienceType: 'elderly',
    audienceSize: 50,
    daysAgo: 28,
    lecturer: 'yinfa-xuanjiangtuan',
    dispatchAfterDays: 1,
    outcome: 'rated',
    rating: 5,
    comment: '老兵讲老渡口的故事，好几个老人听得抹眼泪。',
    place: '河湾村老年活动室',
  },
  {
    village: 'xinghua',
    name: '吴美华',
    subject: '想请银发宣讲团来讲讲孝老爱亲的快板。',
    audienceType: 'public',
    audienceSize: 80,
    daysAgo: 16,
    lecturer: 'yinfa-xuanjiangtuan',
    dispatchAfterDays: 2,
    outcome: 'rated',
    rating: 4,
    place: '杏花村晒谷场',
  },
  {
    village: 'hewan',
    name: '钱国强',
    resource: 'scripts/kuaiban-shuo-xinfeng',
    audienceType: 'farmers',
    audienceSize: 40,
    daysAgo: 11,
    lecturer: 'yinfa-xuanjiangtuan',
    dispatchAfterDays: 1,
    outcome: 'rated',
    rating: 5,
    place: '河湾村文化礼堂',
  },
  {
    village: 'qingping-cun',
    name: '黄秀珍',
    subject: '老人们想听听高龄补贴怎么申请。',
    audienceType: 'elderly',
    audienceSize: 40,
    daysAgo: 5,
  },
  {
    village: 'wenchang',
    name: '郭志强',
    resource: 'scripts/lilun-jiachanghua',
    audienceType: 'cadres',
    audienceSize: 30,
    daysAgo: 1,
  },
]
