/** The landing page (what Strawberry is, the local role picker) and each role's home page. */
const en = {
  navHome: "Home",
  landingTitle: "Customers' words, made accountable",
  landingWhat:
    "Strawberry gathers every channel's satisfaction signals for each product line, flags the lines whose " +
    "customers are clearly unhappy in a quarterly pull-and-fix review, ranks every line for the Red and " +
    "Rotten Strawberry awards, and puts executives in front of the raw customer voices. Every flag and " +
    "award shows its figures, the bar and the customers' own words.",
  roleCco: "CCO team (runs reviews, decides notices)",
  roleBuHead: "Business-unit head (your units only)",
  roleExecutive: "Executive (listen-in, chases)",
};

export const home = {
  en,
  "zh-CN": {
    navHome: "首页",
    landingTitle: "让客户的声音有人负责",
    landingWhat:
      "草莓汇集各渠道对每条产品线的满意度信号:每季度的下架整改评审标记客户明显不满的产品线," +
      "红草莓与烂草莓评选为每条产品线排名,倾听客户让高管直面客户原声。每一次标记、每一个奖项," +
      "都附上数据、红线与客户原话。",
    roleCco: "CCO 团队(运行评审、处理整改通知)",
    roleBuHead: "事业部负责人(仅限本事业部)",
    roleExecutive: "高管(倾听客户、追问)",
  } satisfies Record<keyof typeof en, string>,
};
