/**
 * Deterministic demo data: a catalog of five business units and fifty product lines, and a year of
 * customer signals about them (mostly in Chinese), believable enough to drive the dashboard, a
 * quarterly review and the awards. The same `now`, `count` and `seed` always give the same data,
 * and signal ids are `demo-1`, `demo-2`, …, so seeding twice stores nothing new.
 *
 * Quality profiles: most lines are good (8–15 % negative); three are clearly poor (35–45 %); one
 * line gets worse over the year and one gets better; the power bank draws critical safety
 * complaints every quarter; two small lines get too few signals to be judged on rate; and a line
 * that is not in the catalog gets about twenty signals, which end up in the quarantine.
 */
import type { Catalog } from "#schemas/catalog";
import type { Channel, Reason, Severity, Signal, SignalKind } from "#schemas/signal";

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash (FNV-1a) of a string, to derive per-line constants that do not depend on the seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Picks an index of `weights` with probability proportional to its weight. */
function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

type Weights<K extends string> = Partial<Record<K, number>>;

/** Picks a key of `weights` with probability proportional to its weight. */
function weighted<K extends string>(rng: Rng, weights: Weights<K>): K {
  const entries = Object.entries(weights) as [K, number][];
  const entry =
    entries[
      weightedIndex(
        rng,
        entries.map(([, w]) => w),
      )
    ];
  if (entry === undefined) throw new Error("weighted pick from an empty table");
  return entry[0];
}

function digits(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Catalog

type UnitKey = "home" | "fresh" | "apparel" | "digital" | "beauty";

export type DemoProfile = "good" | "poor" | "worsening" | "improving" | "safety" | "sparse";

interface LineSpec {
  id: string;
  name: string;
  nameZh: string;
  unit: UnitKey;
  category: string;
  /** Relative popularity (share of the signals). */
  weight: number;
  profile: DemoProfile;
  /** Negative rate at the start and at the end of the year (a straight line in between). */
  negative?: readonly [number, number];
  /** Reasons of negative signals, overriding the unit's. */
  reasons?: Weights<Reason>;
}

const UNITS: Record<UnitKey, { id: string; name: string }> = {
  home: { id: "bu-home-appliances", name: "Home Appliances" },
  fresh: { id: "bu-fresh-food", name: "Fresh Food" },
  apparel: { id: "bu-apparel", name: "Apparel" },
  digital: { id: "bu-digital", name: "Digital" },
  beauty: { id: "bu-beauty", name: "Beauty & Personal Care" },
};

/** A line in good shape: a stable negative rate between 8 % and 14 %, fixed by its id. */
function good(
  unit: UnitKey,
  category: string,
  id: string,
  name: string,
  nameZh: string,
  weight: number,
): LineSpec {
  return { id, name, nameZh, unit, category, weight, profile: "good" };
}

const LINES: readonly LineSpec[] = [
  good("home", "kitchen-appliances", "pl-home-air-fryer", "Air Fryer 5L", "5升空气炸锅", 3),
  good("home", "kitchen-appliances", "pl-home-rice-cooker", "Smart Rice Cooker", "智能电饭煲", 2.4),
  good("home", "kitchen-appliances", "pl-home-blender", "High-Speed Blender", "破壁料理机", 1.3),
  good("home", "kitchen-appliances", "pl-home-kettle", "Electric Kettle", "电热水壶", 1.8),
  good("home", "climate", "pl-home-space-heater", "Ceramic Space Heater", "陶瓷暖风机", 1.2),
  good("home", "climate", "pl-home-dehumidifier", "Dehumidifier 20L", "20升除湿机", 0.9),
  good("home", "climate", "pl-home-tower-fan", "Bladeless Tower Fan", "无叶塔扇", 1.1),
  good("home", "floor-care", "pl-home-robot-vacuum", "Robot Vacuum", "扫地机器人", 2.2),
  good("home", "floor-care", "pl-home-stick-vacuum", "Cordless Stick Vacuum", "无线手持吸尘器", 1.4),
  good("home", "laundry", "pl-home-washer-dryer", "Washer-Dryer 10kg", "10公斤洗烘一体机", 1.6),

  good("fresh", "fruit", "pl-fresh-strawberries", "Dandong Strawberries", "丹东九九草莓", 2.6),
  good("fresh", "fruit", "pl-fresh-durian", "Musang King Durian", "猫山王榴莲", 1.5),
  good("fresh", "fruit", "pl-fresh-cherries", "Chilean Cherries", "智利车厘子", 2.2),
  good("fresh", "seafood", "pl-fresh-salmon", "Norwegian Salmon Fillet", "挪威三文鱼柳", 1.4),
  {
    ...good("fresh", "seafood", "pl-fresh-hairy-crab", "Hairy Crab Gift Box", "阳澄湖大闸蟹礼盒", 1.6),
    profile: "poor",
    negative: [0.4, 0.44],
    reasons: { logistics: 5, quality: 4, "description-mismatch": 2, "service-attitude": 1.5, price: 1 },
  },
  good("fresh", "seafood", "pl-fresh-shrimp", "Frozen Whiteleg Shrimp", "冷冻白虾", 1.2),
  good("fresh", "dairy", "pl-fresh-milk", "Fresh Milk 950ml", "鲜牛奶 950毫升", 2.8),
  good("fresh", "dairy", "pl-fresh-yogurt", "Greek Yogurt", "希腊酸奶", 1.7),
  {
    ...good("fresh", "bakery", "pl-fresh-sourdough", "Sourdough Loaf", "天然酵种欧包", 0),
    profile: "sparse",
  },
  good("fresh", "meat", "pl-fresh-beef-steak", "Grass-fed Ribeye Steak", "草饲眼肉牛排", 1.3),

  good("apparel", "outerwear", "pl-apparel-down-jacket", "Lightweight Down Jacket", "轻薄羽绒服", 2.3),
  good("apparel", "outerwear", "pl-apparel-trench-coat", "Classic Trench Coat", "经典风衣", 1.0),
  good("apparel", "tops", "pl-apparel-cotton-tee", "Cotton Crew T-Shirt", "纯棉圆领T恤", 2.9),
  {
    ...good("apparel", "tops", "pl-apparel-silk-blouse", "Mulberry Silk Blouse", "桑蚕丝衬衫", 1.3),
    profile: "poor",
    negative: [0.37, 0.4],
    reasons: { "description-mismatch": 6, quality: 4, price: 1.5, "service-attitude": 1 },
  },
  good("apparel", "tops", "pl-apparel-merino-sweater", "Merino Wool Sweater", "美利奴羊毛衫", 1.4),
  good("apparel", "footwear", "pl-apparel-running-shoes", "Cushioned Running Shoes", "缓震跑鞋", 2.0),
  good("apparel", "footwear", "pl-apparel-canvas-sneakers", "Canvas Sneakers", "帆布鞋", 1.2),
  good("apparel", "kidswear", "pl-apparel-kids-pajamas", "Kids' Cotton Pajamas", "儿童纯棉睡衣", 1.1),
  good("apparel", "kidswear", "pl-apparel-school-backpack", "School Backpack", "儿童护脊书包", 0.8),
  good("apparel", "activewear", "pl-apparel-yoga-leggings", "Yoga Leggings", "高腰瑜伽裤", 1.6),

  {
    ...good(
      "digital",
      "phone-accessories",
      "pl-digital-power-bank",
      "20,000 mAh Power Bank",
      "20000毫安充电宝",
      1.6,
    ),
    profile: "safety",
    negative: [0.15, 0.19],
    reasons: { quality: 4, safety: 3, "description-mismatch": 1.5, "service-attitude": 1, price: 0.5 },
  },
  good("digital", "phone-accessories", "pl-digital-gan-charger", "65W GaN Charger", "65W氮化镓充电器", 1.5),
  good("digital", "phone-accessories", "pl-digital-phone-case", "MagSafe Phone Case", "磁吸手机壳", 1.9),
  {
    ...good("digital", "audio", "pl-digital-earbuds", "Noise-Cancelling Earbuds", "降噪真无线耳机", 2.4),
    profile: "worsening",
    negative: [0.09, 0.36],
    reasons: { quality: 6, "service-attitude": 2, "description-mismatch": 1, price: 1 },
  },
  good("digital", "smart-home", "pl-digital-smart-speaker", "Smart Speaker", "智能音箱", 1.0),
  {
    ...good(
      "digital",
      "smart-home",
      "pl-digital-wifi-router",
      "Wi-Fi 6 Mesh Router",
      "Wi-Fi 6 Mesh 路由器",
      1.2,
    ),
    profile: "poor",
    negative: [0.36, 0.38],
    reasons: { quality: 6, "service-attitude": 3, "description-mismatch": 2, other: 1 },
  },
  good("digital", "wearables", "pl-digital-smartwatch", "Fitness Smartwatch", "运动智能手表", 1.7),
  good("digital", "computing", "pl-digital-laptop", "14-inch Ultrabook", "14英寸轻薄本", 1.4),
  good("digital", "computing", "pl-digital-tablet", "11-inch Tablet", "11英寸平板电脑", 1.3),
  good("digital", "computing", "pl-digital-monitor", "27-inch 4K Monitor", "27英寸4K显示器", 0.9),

  good("beauty", "skincare", "pl-beauty-vitamin-c-serum", "Vitamin C Serum", "维C精华液", 1.8),
  good("beauty", "skincare", "pl-beauty-sunscreen", "SPF50+ Sunscreen", "SPF50+ 清爽防晒霜", 2.1),
  good("beauty", "skincare", "pl-beauty-sheet-mask", "Hydrating Sheet Masks", "玻尿酸补水面膜", 1.9),
  good("beauty", "skincare", "pl-beauty-cleanser", "Amino Acid Cleanser", "氨基酸洗面奶", 1.5),
  good("beauty", "makeup", "pl-beauty-lipstick", "Velvet Matte Lipstick", "丝绒哑光口红", 1.7),
  {
    ...good("beauty", "makeup", "pl-beauty-cushion", "Cushion Foundation", "气垫粉底", 1.3),
    profile: "improving",
    negative: [0.33, 0.1],
    reasons: { "description-mismatch": 4, quality: 4, price: 1, "service-attitude": 1 },
  },
  good("beauty", "makeup", "pl-beauty-eyeshadow", "Eyeshadow Palette", "九色眼影盘", 1.0),
  good("beauty", "haircare", "pl-beauty-shampoo", "Anti-Dandruff Shampoo", "去屑洗发水", 1.6),
  good("beauty", "haircare", "pl-beauty-hair-dryer", "Ionic Hair Dryer", "负离子吹风机", 1.3),
  {
    ...good("beauty", "fragrance", "pl-beauty-perfume", "Eau de Parfum 50ml", "淡香精 50毫升", 0),
    profile: "sparse",
  },
];

/** A product line that signals name but the catalog does not have: its signals are quarantined. */
export const UNLISTED_PRODUCT_LINE_ID = "pl-unlisted-smart-desk-lamp";
const UNLISTED = good(
  "digital",
  "smart-home",
  UNLISTED_PRODUCT_LINE_ID,
  "Smart Desk Lamp",
  "智能护眼台灯",
  0,
);

/** The quality profile each product line of the demo catalog was generated with. */
export const DEMO_PROFILES: Readonly<Record<string, DemoProfile>> = Object.fromEntries(
  LINES.map((l) => [l.id, l.profile]),
);

export function demoCatalog(): Catalog {
  return {
    businessUnits: Object.values(UNITS).map((u) => ({ id: u.id, name: u.name })),
    productLines: LINES.map((l) => ({
      id: l.id,
      name: l.name,
      nameZh: l.nameZh,
      businessUnitId: UNITS[l.unit].id,
      category: l.category,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Customer words

type Words = { zh: readonly string[]; en: readonly string[] };

/** Reasons of negative signals per business unit. */
const UNIT_REASONS: Record<UnitKey, Weights<Reason>> = {
  home: {
    quality: 5,
    "service-attitude": 2,
    logistics: 2,
    "description-mismatch": 1.2,
    price: 1,
    other: 0.8,
    safety: 0.2,
  },
  fresh: {
    logistics: 5,
    quality: 5,
    "description-mismatch": 1.5,
    price: 1.2,
    "service-attitude": 0.8,
    other: 0.5,
    safety: 0.1,
  },
  apparel: {
    "description-mismatch": 5,
    quality: 4,
    logistics: 1.5,
    price: 1.2,
    "service-attitude": 1,
    other: 0.5,
  },
  digital: {
    quality: 5,
    "service-attitude": 2,
    price: 1.5,
    "description-mismatch": 1.2,
    logistics: 1,
    other: 0.8,
    safety: 0.2,
  },
  beauty: {
    quality: 4,
    "description-mismatch": 2.5,
    price: 2,
    logistics: 1,
    "service-attitude": 1,
    other: 0.6,
    safety: 0.3,
  },
};

/**
 * Customer words: a pool per key, where a key is `any`, a business unit or a category. A signal
 * draws from `any` + its unit + its category (the category's words count double).
 */
type WordBook = Record<string, Words>;

/** What people say when something went wrong, by reason. */
const NEGATIVE_WORDS: Record<Reason, WordBook> = {
  quality: {
    any: {
      zh: [
        "{name}质量一般，跟这个价格不相符。",
        "做工比较粗糙，细节处理得不好。",
        "用了没多久就出问题了，太失望了。",
      ],
      en: ["The {name} stopped working within a few weeks.", "Build quality feels cheap for the price."],
    },
    home: {
      zh: [
        "{name}用了不到两周就坏了，开机没有任何反应。",
        "收到的{name}外壳有裂缝，插电后一直报错。",
        "按键不灵敏，要按好几次才有反应。",
      ],
      en: [
        "The {name} died after two weeks, no power at all.",
        "Arrived with a cracked housing and an error code.",
      ],
    },
    "kitchen-appliances": {
      zh: [
        "内胆涂层用了一个月就开始掉了。",
        "加热不均匀，一半焦了一半还是生的。",
        "有很重的塑料味，洗了好几遍还在。",
      ],
      en: [
        "The non-stick coating started peeling after a month.",
        "Strong plastic smell that will not go away.",
      ],
    },
    climate: {
      zh: ["噪音特别大，晚上根本没法用。", "遥控器经常失灵，只能手动调。"],
      en: ["Far too loud to use at night."],
    },
    "floor-care": {
      zh: [
        "吸力越来越弱，地上的头发都吸不干净。",
        "导航乱撞，经常卡在床底出不来。",
        "电池续航不到二十分钟。",
      ],
      en: ["Suction keeps getting weaker.", "Gets stuck under the bed every single day."],
    },
    laundry: {
      zh: ["烘干以后衣服还是潮的。", "脱水的时候整台机器都在晃。"],
      en: ["Clothes still damp after a full dry cycle."],
    },
    fresh: {
      zh: ["{name}不新鲜，打开就有一股异味。", "口感很差，跟以前买的完全不是一个东西。"],
      en: ["The {name} was not fresh and smelled off."],
    },
    fruit: {
      zh: ["一盒里有好几个已经烂了，挑了半天。", "有几个发霉了，不敢给孩子吃。", "一点都不甜，还有点酸涩。"],
      en: ["Several pieces were already rotten when the box arrived.", "Sour and watery, not sweet at all."],
    },
    seafood: {
      zh: [
        "送到时好几只已经不动了，包装里全是水。",
        "解冻以后全是冰衣，实际分量很少。",
        "肉质发软，有一股腥臭味。",
      ],
      en: ["Half of them were dead on arrival.", "Mostly ice glaze, very little actual seafood."],
    },
    dairy: {
      zh: ["打开就结块了，明显已经变质。", "离保质期只剩两天了还发过来。"],
      en: ["Curdled when I opened it."],
    },
    meat: {
      zh: ["解冻以后血水很多，肉质很柴。", "筋膜特别多，根本不是眼肉。"],
      en: ["Tough and stringy after cooking."],
    },
    apparel: {
      zh: [
        "{name}洗了一次就起球了。",
        "线头特别多，做工很粗糙。",
        "掉色严重，把别的衣服都染了。",
        "穿了两次就开线了，质量太差。",
      ],
      en: [
        "Pilled after a single wash.",
        "The seams came apart after wearing it twice.",
        "The colour ran and ruined the rest of the load.",
      ],
    },
    footwear: {
      zh: ["鞋底走了一周就开胶了。", "鞋面磨脚，穿半天脚后跟就破了。"],
      en: ["The sole came unglued within a week."],
    },
    digital: {
      zh: ["{name}用了一个月就充不进电了。", "发热严重，续航比宣传的差很多。", "固件升级以后就一直出问题。"],
      en: ["Battery life is half of what was advertised.", "Runs hot and the firmware update made it worse."],
    },
    audio: {
      zh: ["左耳经常断连，重新配对也没用。", "降噪开了跟没开一样。", "充电盒盖子松了，耳机经常没充上电。"],
      en: ["The left earbud keeps disconnecting.", "Noise cancelling barely does anything."],
    },
    "smart-home": {
      zh: ["{name}经常掉线，一天要重启好几次。", "App 总是连不上设备。"],
      en: ["Drops the connection several times a day.", "The app can never find the device."],
    },
    computing: {
      zh: ["屏幕有坏点，申请换货中。", "用了三个月键盘就有几个键不灵了。", "风扇声音很大，开个网页就狂转。"],
      en: ["Dead pixel out of the box.", "Several keys stopped working after three months."],
    },
    beauty: {
      zh: [
        "用了以后脸上起小红疹，已经停用了。",
        "味道很刺鼻，和之前买的不一样。",
        "包装漏液，到手少了一半。",
      ],
      en: ["Broke me out in a rash, stopped using it.", "The bottle leaked in transit, half of it was gone."],
    },
    skincare: {
      zh: ["质地很稀，感觉像兑了水。", "搓泥严重，上妆前根本不能用。"],
      en: ["Pills under makeup every time."],
    },
    makeup: {
      zh: ["{name}持妆时间很短，两个小时就斑驳了。", "很容易沾杯，吃顿饭就没了。"],
      en: ["Wears off in two hours."],
    },
    haircare: {
      zh: ["用了以后头皮更痒了。", "风力很小，吹干头发要半个小时。"],
      en: ["Takes forever to dry my hair."],
    },
  },
  logistics: {
    any: {
      zh: [
        "快递太慢了，下单九天才到。",
        "外包装破损，盒子都压扁了。",
        "说好的次日达，结果晚了三天。",
        "快递员没打电话就直接放驿站了。",
        "物流信息三天没更新，客服也说不清楚。",
      ],
      en: [
        "Took nine days to arrive.",
        "The box was crushed on arrival.",
        "Promised next-day delivery, came three days late.",
      ],
    },
    fresh: {
      zh: [
        "冷链没做好，到手冰袋全化了。",
        "{name}送到的时候已经不新鲜了，泡沫箱都是湿的。",
        "配送超时，在门口放了一下午。",
        "预约的是上午送达，结果晚上九点才到。",
      ],
      en: [
        "The ice packs had fully melted by the time it arrived.",
        "Left outside my door all afternoon in the heat.",
      ],
    },
    seafood: {
      zh: ["路上走了三天，送到时一半都死了。", "泡沫箱破了，整个快递都是腥味。"],
      en: ["Three days in transit, half of them dead on arrival."],
    },
  },
  "description-mismatch": {
    any: {
      zh: ["实物和图片差别很大。", "详情页写的功能根本没有。", "颜色和宣传图不一样。"],
      en: ["Looks nothing like the photos.", "A feature listed on the product page is simply missing."],
    },
    apparel: {
      zh: [
        "尺码偏小一码，按尺码表买的还是穿不下。",
        "颜色和模特图差太多，实物发黄。",
        "版型和图片完全不一样，肩膀特别窄。",
      ],
      en: ["Runs a full size small even following the size chart."],
    },
    tops: {
      zh: ["说是真丝面料，摸起来就是化纤。", "标的是100%纯棉，洗标上写着含涤纶。"],
      en: ["Sold as silk but it feels like polyester."],
    },
    fresh: {
      zh: [
        "写的是一斤装，称了只有八两。",
        "个头比图片小很多，和描述的大果不符。",
        "标的是当天现摘，生产日期却是三天前。",
      ],
      en: ["Advertised as 500 g, weighed 400 g.", "Much smaller than the pictures."],
    },
    seafood: {
      zh: ["写的是四两一只，实际最大的也就三两。"],
      en: ["Advertised as large, these were tiny."],
    },
    digital: {
      zh: ["宣传的续航时间根本达不到。", "说是支持快充，实际充得很慢。"],
      en: ["Nowhere near the advertised battery life."],
    },
    beauty: {
      zh: ["宣传说适合敏感肌，结果用了刺痛。", "说是正装，收到是小样。"],
      en: ["Sold as full size, received a travel size."],
    },
    makeup: {
      zh: ["色号和官网的试色差很多。", "说是持妆十二小时，半天就掉光了。"],
      en: ["The shade is nothing like the swatch online."],
    },
  },
  "service-attitude": {
    any: {
      zh: [
        "客服一直让我等，问题到现在都没解决。",
        "售后推来推去，没有人负责。",
        "客服态度很差，说话很不耐烦。",
        "申请退货三天了没人处理。",
        "打了四次热线，每次都要从头讲一遍。",
      ],
      en: [
        "Support kept me waiting for days and never solved it.",
        "Rude answers from the hotline.",
        "Return request ignored for three days.",
      ],
    },
    home: {
      zh: ["约好的上门安装师傅没来，也没人通知。", "维修师傅来了说要自费，和保修政策不一样。"],
      en: ["The installer never showed up and nobody called."],
    },
  },
  price: {
    any: {
      zh: [
        "刚买完就降价了，也不给保价。",
        "这个价格不值，性价比太低。",
        "比线下门店还贵，下次不在这买了。",
        "活动价其实比平时还高。",
      ],
      en: ["Price dropped the day after I bought it and no price protection.", "Not worth the money."],
    },
  },
  safety: {
    any: {
      zh: ["使用的时候闻到焦味，不敢再用了。", "插头发烫，感觉很不安全。"],
      en: ["Smelled of burning plastic while in use.", "The plug got dangerously hot."],
    },
    home: {
      zh: ["{name}用了半小时插头就熔了，太危险了。", "机身漏电，摸到外壳有麻手的感觉。"],
      en: ["The plug melted after half an hour.", "I got a small shock touching the casing."],
    },
    climate: {
      zh: ["倾倒以后没有自动断电，差点烧到地毯。"],
      en: ["The {name} did not switch off when it tipped over."],
    },
    digital: {
      zh: ["接口处烧黑了，幸好人在旁边。", "放在包里突然发烫，拿出来已经变形了。"],
      en: ["The port is scorched black."],
    },
    "phone-accessories": {
      zh: [
        "{name}充电的时候外壳烫得拿不住，还鼓包了。",
        "半夜充电冒烟了，差点起火，请务必重视！",
        "电芯鼓包把外壳都撑开了。",
      ],
      en: [
        "The {name} swelled up and got too hot to touch while charging.",
        "It started smoking overnight on the nightstand.",
      ],
    },
    beauty: {
      zh: ["用后皮肤灼痛，去医院说是接触性皮炎。"],
      en: ["Burning sensation after use, the doctor said contact dermatitis."],
    },
    haircare: {
      zh: ["{name}手柄发烫，出风口还冒火花。"],
      en: ["Sparks came out of the nozzle."],
    },
    fresh: {
      zh: ["吃完全家上吐下泻，怀疑已经变质。", "里面吃出了一小片塑料。"],
      en: ["Found a piece of plastic inside."],
    },
    apparel: {
      zh: ["拉链头边缘很锋利，把手划破了。"],
      en: ["The zipper pull has a sharp edge and cut my finger."],
    },
    kidswear: {
      zh: ["小扣子很容易掉，怕孩子误吞。"],
      en: ["The small buttons come off easily, a choking hazard for kids."],
    },
  },
  other: {
    any: {
      zh: [
        "发票申请了两周还没开出来。",
        "下单时说的赠品没有收到。",
        "会员积分一直没到账。",
        "想改地址，系统一直提示失败。",
      ],
      en: ["Never received the free gift from the promotion.", "Still waiting for my invoice."],
    },
  },
};

/** What happy customers say. */
const POSITIVE_WORDS: WordBook = {
  any: {
    zh: [
      "{name}很好用，已经推荐给朋友了。",
      "物流很快，包装完好，五星好评！",
      "客服很耐心，问题很快就解决了。",
      "性价比很高，会回购。",
      "和描述的一样，没有踩雷。",
      "用了一个月，没有任何问题。",
      "第二次买了，品质一直很稳定。",
    ],
    en: [
      "Really happy with the {name}, works exactly as described.",
      "Fast delivery and well packed.",
      "Great value, will buy again.",
      "Support answered my question in minutes.",
    ],
  },
  home: {
    zh: ["安装很方便，说明书也写得清楚。", "颜值很高，放在家里很好看。", "上门安装的师傅很专业。"],
    en: ["Easy to set up, clear instructions."],
  },
  "kitchen-appliances": {
    zh: ["{name}做出来的饭菜很香，操作也简单。", "清洗很方便，几分钟就搞定。"],
    en: ["Easy to clean and the food comes out great."],
  },
  climate: {
    zh: ["声音很小，晚上开着也不影响睡觉。", "效果很明显，房间一下就舒服了。"],
    en: ["Quiet enough to run at night."],
  },
  "floor-care": {
    zh: ["吸力很强，宠物毛都能吸干净。", "规划路线很聪明，基本不用管。"],
    en: ["Picks up all the pet hair."],
  },
  laundry: {
    zh: ["洗得干净，烘干以后衣服很蓬松。"],
    en: ["Clothes come out clean and fluffy."],
  },
  fresh: {
    zh: ["冷链做得好，冰袋到家还没化。", "孩子特别爱吃，已经第三次回购了。"],
    en: ["Still ice-cold on arrival, great cold chain."],
  },
  fruit: {
    zh: ["{name}非常新鲜，甜度很高。", "个头很大，和图片一样。"],
    en: ["The {name} was super fresh and sweet."],
  },
  seafood: {
    zh: ["收到的时候还很鲜活，个头也大。", "肉质紧实，刺身也很好吃。"],
    en: ["Arrived lively and plump."],
  },
  dairy: {
    zh: ["奶味很浓，日期也很新鲜。"],
    en: ["Rich taste and a long best-before date."],
  },
  meat: {
    zh: ["煎出来很嫩，大理石纹很漂亮。"],
    en: ["Tender with lovely marbling."],
  },
  bakery: {
    zh: ["外皮酥脆，里面很有嚼劲。"],
    en: ["Crisp crust, chewy crumb."],
  },
  apparel: {
    zh: ["尺码很标准，穿着很舒服。", "面料很软，洗了几次也没变形。", "版型好看，同事都问链接。"],
    en: ["True to size and very comfortable.", "Soft fabric, kept its shape after several washes."],
  },
  footwear: {
    zh: ["脚感很软，跑十公里也不累。"],
    en: ["Comfortable even on long runs."],
  },
  digital: {
    zh: ["做工扎实，系统很流畅。", "{name}续航很给力，出差带着很放心。"],
    en: ["Solid build, smooth software."],
  },
  audio: {
    zh: ["降噪效果超出预期，地铁上也很安静。", "连接稳定，音质很好。"],
    en: ["Noise cancelling is better than expected."],
  },
  "smart-home": {
    zh: ["连接稳定，全屋信号都很好。"],
    en: ["Rock-solid connection in every room."],
  },
  beauty: {
    zh: ["用了两周皮肤明显变好了。", "{name}很温和，敏感肌也能用。"],
    en: ["Gentle enough for my sensitive skin."],
  },
  makeup: {
    zh: ["颜色很正，显白。", "持妆一整天都不脱妆。"],
    en: ["Lovely texture and the shade is perfect."],
  },
  fragrance: {
    zh: ["味道很高级，留香时间也长。"],
    en: ["Beautiful scent that lasts all day."],
  },
};

const SURNAMES = ["wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu"];
const GIVEN = ["wei", "fang", "min", "jing", "lei", "yan", "jie", "tao", "ning", "hui"];

/** Fake contact details inside a few verbatims, so that masking has something to mask. */
function fakePii(rng: Rng, zh: boolean): string {
  const phone = `1${pick(rng, ["35", "38", "39", "58", "86", "87"])}${digits(rng, 8)}`;
  const mail = `${pick(rng, GIVEN)}.${pick(rng, SURNAMES)}${digits(rng, 2)}@example.com`;
  if (zh)
    return pick(rng, [
      ` 我的电话${phone}，请尽快联系我。`,
      ` 麻烦回电 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}。`,
      ` 处理结果请发到我邮箱 ${mail}`,
      ` 联系人手机 ${phone}，邮箱 ${mail}。`,
    ]);
  return pick(rng, [
    ` Please call me back on +86 ${phone}.`,
    ` You can reach me at ${mail}.`,
    ` My number is ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}, email ${mail}.`,
  ]);
}

function wordsFor(rng: Rng, book: WordBook, line: LineSpec, zh: boolean): string {
  const lang = zh ? "zh" : "en";
  const pool = [
    ...(book.any?.[lang] ?? []),
    ...(book[line.unit]?.[lang] ?? []),
    ...(book[line.category]?.[lang] ?? []),
    ...(book[line.category]?.[lang] ?? []),
  ];
  return pick(rng, pool);
}

// ---------------------------------------------------------------------------------------------
// Signals

export interface DemoSignalOptions {
  now: Date;
  /** @default 30000 */
  count?: number;
  /** @default 20260401 */
  seed?: number;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Weight of each hour of the day (Beijing time), 0 to 23: busy evenings, quiet nights. */
const HOUR_WEIGHTS: readonly number[] = [
  1.5, 0.8, 0.4, 0.2, 0.2, 0.3, 0.8, 1.8, 3, 4.5, 5, 5, 4.5, 4.2, 4.5, 4.6, 4.5, 4.4, 4.6, 5.5, 6.5, 6.5, 5,
  3,
];

/** `2026-03-04T20:15:07+08:00` */
export function toShanghaiIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Start (epoch ms) of the Beijing-time calendar quarter holding `ms`. */
function shanghaiQuarterStart(ms: number): number {
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), Math.floor(local.getUTCMonth() / 3) * 3, 1) - SHANGHAI_OFFSET_MS;
}

function nextQuarterStart(start: number): number {
  const local = new Date(start + SHANGHAI_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 3, 1) - SHANGHAI_OFFSET_MS;
}

/** A moment in the year before `now` (never after it), weighted towards waking hours. */
function randomMoment(rng: Rng, now: number): number {
  const oldest = now - 365 * DAY_MS;
  for (;;) {
    const dayStart =
      Math.floor((now - rng() * 365 * DAY_MS + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
    const hour = weightedIndex(rng, HOUR_WEIGHTS);
    const t = dayStart + hour * 3_600_000 + Math.floor(rng() * 3_600_000);
    if (t <= now - 1000 && t >= oldest) return t;
  }
}

function randomMomentBetween(rng: Rng, from: number, to: number): number {
  return from + Math.floor(rng() * (to - from));
}

interface Slot {
  line: LineSpec;
  /** Force a critical safety complaint at this moment. */
  criticalAt?: number;
}

const NEGATIVE_KINDS: Weights<SignalKind> = { complaint: 4, csat: 2.2, review: 2.4, nps: 1.4 };
const POSITIVE_KINDS: Weights<SignalKind> = { csat: 4, review: 4, nps: 2.4 };

const CHANNELS_BY_KIND: Record<SignalKind, Weights<Channel>> = {
  complaint: { hotline: 4, chat: 3, app: 2, email: 1.5, social: 1.5, store: 1 },
  csat: { chat: 3, hotline: 2.5, survey: 2, app: 2, store: 1.5 },
  nps: { survey: 5, email: 2, app: 1.5 },
  review: { "review-site": 5, app: 3, social: 1.5 },
};

/** Score weights from the lowest score up: negatives and the rest, per kind. */
const SCORES: Record<
  Exclude<SignalKind, "complaint">,
  { negative: [number, number[]]; positive: [number, number[]] }
> = {
  csat: { negative: [1, [0.45, 0.55]], positive: [3, [0.14, 0.36, 0.5]] },
  review: { negative: [1, [0.45, 0.55]], positive: [3, [0.14, 0.36, 0.5]] },
  nps: { negative: [0, [0.5, 0.3, 0.4, 0.6, 0.8, 1.2, 1.4]], positive: [7, [0.18, 0.27, 0.28, 0.27]] },
};

function score(rng: Rng, kind: Exclude<SignalKind, "complaint">, negative: boolean): number {
  const [lowest, weights] = SCORES[kind][negative ? "negative" : "positive"];
  return lowest + weightedIndex(rng, weights);
}

const SEVERITY: Weights<Severity> = { minor: 6, major: 3.8, critical: 0.12 };
const SAFETY_SEVERITY: Weights<Severity> = { major: 3, critical: 0.3 };

function negativeRate(line: LineSpec, ageFraction: number): number {
  const [start, end] = line.negative ?? defaultNegative(line.id);
  return end + (start - end) * ageFraction;
}

/** Good lines: a stable rate between 8 % and 14 %, fixed per line (not by the seed). */
function defaultNegative(id: string): readonly [number, number] {
  const base = 0.08 + (hash32(id) % 61) / 1000;
  return [base, base];
}

function reasonsFor(rng: Rng, line: LineSpec): Reason[] {
  const table = line.reasons ?? UNIT_REASONS[line.unit];
  const first = weighted(rng, table);
  if (rng() < 0.22) {
    const second = weighted(rng, table);
    if (second !== first) return [first, second];
  }
  return [first];
}

function verbatimFor(rng: Rng, line: LineSpec, zh: boolean, negative: boolean, reason?: Reason): string {
  let text: string;
  if (negative && reason !== undefined) {
    text = wordsFor(rng, NEGATIVE_WORDS[reason], line, zh);
  } else text = wordsFor(rng, POSITIVE_WORDS, line, zh);
  return text.replaceAll("{name}", zh ? line.nameZh : line.name);
}

function makeSignal(rng: Rng, n: number, slot: Slot, now: number, customers: number): Signal {
  const { line } = slot;
  const t = slot.criticalAt ?? randomMoment(rng, now);
  const ageFraction = (now - t) / (365 * DAY_MS);
  const critical = slot.criticalAt !== undefined;
  const negative = critical || rng() < negativeRate(line, ageFraction);
  const kind: SignalKind = critical ? "complaint" : weighted(rng, negative ? NEGATIVE_KINDS : POSITIVE_KINDS);
  const zh = rng() < 0.86;
  const signal: Signal = {
    signalId: `demo-${n}`,
    productLineId: line.id,
    channel: weighted(rng, CHANNELS_BY_KIND[kind]),
    kind,
    occurredAt: toShanghaiIso(t),
    locale: zh ? "zh-CN" : "en-US",
  };
  let reasons: Reason[] | undefined;
  if (kind === "complaint") {
    reasons = critical ? ["safety", "quality"] : reasonsFor(rng, line);
    const safety = reasons.includes("safety");
    signal.severity = critical ? "critical" : weighted<Severity>(rng, safety ? SAFETY_SEVERITY : SEVERITY);
  } else {
    signal.score = score(rng, kind, negative);
    if (negative && rng() < 0.85) reasons = reasonsFor(rng, line);
  }
  if (reasons !== undefined) signal.reasons = reasons;

  const wantsWords = kind === "complaint" || kind === "review" ? rng() < 0.92 : rng() < 0.55;
  if (wantsWords) {
    let text = verbatimFor(rng, line, zh, negative, critical ? "safety" : reasons?.[0]);
    if (negative && reasons?.[1] !== undefined && rng() < 0.6)
      text += zh
        ? verbatimFor(rng, line, zh, true, reasons[1])
        : ` ${verbatimFor(rng, line, zh, true, reasons[1])}`;
    if (rng() < 0.018) text += fakePii(rng, zh);
    signal.verbatim = text;
  }
  if (rng() < 0.86) signal.customerRef = `cust-${String(1 + Math.floor(rng() * customers)).padStart(6, "0")}`;
  const orderShare = kind === "complaint" || kind === "review" ? 0.6 : 0.25;
  if (rng() < orderShare) {
    const ordered = new Date(t - Math.floor(rng() * 12 * DAY_MS) + SHANGHAI_OFFSET_MS);
    signal.orderRef = `SO${ordered.toISOString().slice(0, 10).replaceAll("-", "")}${digits(rng, 8)}`;
  }
  return signal;
}

/**
 * About `count` signals spread over the 365 days before `now`, in a shuffled but deterministic
 * order. Exactly `count` are returned; ids are `demo-1` … `demo-<count>`.
 */
export function demoSignals(options: DemoSignalOptions): Signal[] {
  const count = Math.max(0, Math.floor(options.count ?? 30_000));
  const now = options.now.getTime();
  const rng = mulberry32(options.seed ?? 20260401);

  const slots: Slot[] = [];
  const safetyLine = LINES.find((l) => l.profile === "safety");
  // Critical safety complaints in every calendar quarter that the year touches.
  const criticalPerQuarter = Math.min(4, Math.floor(count / 1500));
  if (safetyLine !== undefined && criticalPerQuarter > 0) {
    const oldest = now - 365 * DAY_MS;
    for (let q = shanghaiQuarterStart(oldest); q < now; q = nextQuarterStart(q)) {
      const from = Math.max(q, oldest);
      const to = Math.min(nextQuarterStart(q), now - 1000);
      for (let i = 0; i < criticalPerQuarter; i++)
        slots.push({ line: safetyLine, criticalAt: randomMomentBetween(rng, from, to) });
    }
  }
  const unlisted = Math.min(20, Math.floor(count / 50));
  for (let i = 0; i < unlisted; i++) slots.push({ line: UNLISTED });
  const sparsePerLine = Math.min(60, Math.floor(count / 500));
  for (const line of LINES)
    if (line.profile === "sparse") for (let i = 0; i < sparsePerLine; i++) slots.push({ line });
  slots.splice(count);

  const regular = LINES.filter((l) => l.weight > 0);
  const weights = regular.map((l) => l.weight);
  while (slots.length < count) slots.push({ line: regular[weightedIndex(rng, weights)]! });

  // Fisher–Yates, so that any slice of the list looks like a real feed.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = slots[i]!;
    slots[i] = slots[j]!;
    slots[j] = a;
  }
  const customers = Math.max(50, Math.round(count * 0.4));
  return slots.map((slot, i) => makeSignal(rng, i + 1, slot, now, customers));
}
