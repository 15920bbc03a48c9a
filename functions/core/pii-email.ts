/**
 * E-mail addresses in folded customer words (see `pii-normalize`), including internationalised
 * ones: 张三@例子.中国, josé@bücher.de, 用户@qq.com, user@xn--fiqs8s.cn.
 *
 * Chinese is written without spaces, so where a Chinese address ends and the sentence goes on
 * cannot be read off the characters. The rules below choose: a part of the address never mixes
 * CJK with other letters (邮箱abc@x.cn谢谢 → the address is abc@x.cn), a CJK top-level domain is
 * first looked up among the delegated ones (例子.中国谢谢 stops after 中国), and a CJK local part
 * starts after the words that introduce an address (我的邮箱是张三@… → 张三@…). Where the rules
 * cannot tell, the mask takes too much rather than leave part of an address behind.
 */
import type { Span } from "./pii-normalize";
import { spansInTurn } from "./pii-scan";

// ー (U+30FC) is a Katakana letter in all but its script property (Common).
const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC`;

// A character of a local part outside CJK: the ASCII ones addresses are usually written with, or
// a letter or combining mark of any other script (josé, иван). The two branches must not overlap
// (hence A-Za-z in the lookahead): a letter both could take would make a failed scan exponential.
const LOCAL_CHAR = String.raw`(?:[A-Za-z0-9._%+\-]|(?![A-Za-z${CJK}])[\p{L}\p{M}])`;
const LOCAL = `(?:(?<!${LOCAL_CHAR})${LOCAL_CHAR}+|(?<![${CJK}])[${CJK}]+)`;

// Labels before the top-level domain sit between `@` and `.`, so they may hold any script.
const LABEL = String.raw`[\p{L}\p{M}0-9\-]+`;

// CJK top-level domains in use, looked up before the open-ended fallback so that the sentence
// after 例子.中国 is not taken for part of the domain.
const CJK_TOP_LEVEL_DOMAINS = [
  ..."中文网 我爱你 新加坡 中国 中國 公司 网络 網絡 在线 网址 网店 网站 商城 商店 集团 香港 台湾".split(" "),
  ..."台灣 澳门 澳門 手机 游戏 信息 购物 企业 政务 公益 移动 联通 みんな コム 닷컴 한국".split(" "),
];
const TOP_LEVEL_DOMAIN = String.raw`(?:[Xx][Nn]--[A-Za-z0-9\-]+|(?:(?![${CJK}])\p{L}){2,}|${CJK_TOP_LEVEL_DOMAINS.join("|")}|[${CJK}]+)`;

// Every match starts where a run of local-part characters starts (the lookbehinds), and labels
// cannot contain `.` or `@`, so the scan stays linear on long texts with or without an `@`.
const EMAIL = new RegExp(`${LOCAL}@(?:${LABEL}\\.)+${TOP_LEVEL_DOMAIN}`, "gu");

// Words that introduce an address in Chinese and end up glued to a CJK local part.
const INTRODUCTION =
  /(?:邮箱|邮件|信箱|邮址|地址|账号|帐号|发到|发至|发给|发送到|发送至|发送给|寄到|寄给|回复到|回复|联系)(?:是|为)?/gu;

// An RFC 5321 local part holds at most 64 octets, i.e. 21 CJK characters in UTF-8.
const LONGEST_CJK_LOCAL_PART = 21;
const CJK_START = new RegExp(`^[${CJK}]`, "u");

/** Where a CJK local part really starts within the run of CJK characters before the `@`. */
function cjkLocalPartStart(local: string): number {
  let start = 0;
  for (const introduction of local.matchAll(INTRODUCTION)) {
    const end = introduction.index + introduction[0].length;
    if (end < local.length) start = end;
  }
  return Math.max(start, local.length - LONGEST_CJK_LOCAL_PART);
}

/**
 * The spans of e-mail addresses in folded text: a local part in one script family, `@`, labels and
 * a top-level domain of two or more letters (ASCII, punycode or any script).
 */
export function findEmailAddresses(folded: string): Span[] {
  return spansInTurn(EMAIL, folded, (address, start) => {
    const local = address.slice(0, address.indexOf("@"));
    const skipped = CJK_START.test(local) ? cjkLocalPartStart(local) : 0;
    return { start: start + skipped, end: start + address.length };
  });
}
