/** maskPii on numbers and addresses as people really type them, and on whole customer words. */
import { describe, expect, it } from "vitest";
import { maskPii, PII_TOKENS } from "#core/pii";

describe("maskPii sees through how a number is typed", () => {
  describe("full-width digits and symbols", () => {
    it.each([
      ["１３８１２３４５６７８", "[PHONE]"],
      ["电话：１３８－１２３４－５６７８。", "电话：[PHONE]。"],
      ["＋８６　１３８　１２３４　５６７８", "[PHONE]"],
      ["138１２３４5678", "[PHONE]"],
      ["（０２１）６１２３　４５６７", "[PHONE]"],
      ["０７５５－１２３４５６７", "[PHONE]"],
      ["１１０１０５１９４９１２３１００２Ｘ", "[ID]"],
      ["身份证１１０１０５　１９４９１２３１　００２ｘ，请核实", "身份证[ID]，请核实"],
      ["４１１１１１１１１１１１１１１１", "[CARD]"],
      ["卡号４１１１　１１１１　１１１１　１１１１谢谢", "卡号[CARD]谢谢"],
      ["abc＠x.cn", "[EMAIL]"],
      ["ｚｈａｎｇ．ｓａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[EMAIL]"],
      ["abc@example．com．cn", "[EMAIL]"],
      ["abc﹫qq.com", "[EMAIL]"],
      ["١٣٨١٢٣٤٥٦٧٨", "[PHONE]"], // Arabic-Indic digits
      ["¹³⁸¹²³⁴⁵⁶⁷⁸", "[PHONE]"], // superscript digits
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("separators other than one space or one hyphen", () => {
    it.each([
      ["138.1234.5678", "[PHONE]"],
      ["138  1234  5678", "[PHONE]"],
      ["138    1234 5678", "[PHONE]"],
      ["138 - 1234 - 5678", "[PHONE]"],
      ["138\u30001234\u30005678", "[PHONE]"], // ideographic space
      ["138\u00A01234\u00A05678", "[PHONE]"], // no-break space
      ["138\u202F1234\u202F5678", "[PHONE]"], // narrow no-break space
      ["138\t1234\t5678", "[PHONE]"],
      ["138\u200B1234\u200B5678", "[PHONE]"], // zero-width space
      ["138\u00AD1234\u00AD5678", "[PHONE]"], // soft hyphen
      ["（+86）138 1234 5678", "[PHONE]"],
      ["（86）13812345678", "[PHONE]"],
      ["(86) 138-1234-5678", "[PHONE]"],
      ["(0086)13812345678", "[PHONE]"],
      ["+86.138.1234.5678", "[PHONE]"],
      ["0755.1234.5678", "[PHONE]"],
      ["010\u300012345678", "[PHONE]"],
      ["4111.1111.1111.1111", "[CARD]"],
      ["4111  1111  1111  1111", "[CARD]"],
      ["4111\u00A01111\u00A01111\u00A01111", "[CARD]"],
      ["110105.19491231.002X", "[ID]"],
      ["110105\u300019491231\u3000002X", "[ID]"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("dashes of every width", () => {
    it.each([
      ["\u2010"], // hyphen
      ["\u2011"], // non-breaking hyphen
      ["\u2012"], // figure dash
      ["\u2013"], // en dash
      ["\u2014"], // em dash
      ["\u2015"], // horizontal bar
      ["\u2212"], // minus sign
      ["\uFF0D"], // full-width hyphen-minus
      ["\uFE63"], // small hyphen-minus
      ["\u2014\u2014"], // the Chinese dash, doubled
    ])("%j", (dash) => {
      // Act
      const masked = [
        maskPii(`138${dash}1234${dash}5678`),
        maskPii(`010${dash}12345678`),
        maskPii(`4111${dash}1111${dash}1111${dash}1111`),
        maskPii(`110105${dash}19491231${dash}002X`),
      ];

      // Assess
      expect(masked).toEqual(["[PHONE]", "[PHONE]", "[CARD]", "[ID]"]);
    });
  });

  describe("ID numbers grouped 6-4-4-4", () => {
    it.each([
      ["110105 1990 0307 1239", "[ID]"],
      ["110105 1949 1231 002X", "[ID]"],
      ["110105-1949-1231-002x", "[ID]"],
      ["440306 2000 0229 1239", "[ID]"],
      ["身份证 310115 1990 0307 4413，谢谢", "身份证 [ID]，谢谢"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("e-mail addresses beyond ASCII", () => {
    it.each([
      ["张三@例子.中国", "[EMAIL]"],
      ["josé@bücher.de", "[EMAIL]"],
      ["jose\u0301@bu\u0308cher.de", "[EMAIL]"], // combining accents
      ["用户@qq.com", "[EMAIL]"],
      ["user@xn--fiqs8s.cn", "[EMAIL]"],
      ["иван@пример.рф", "[EMAIL]"],
      ["たなか@例え.jp", "[EMAIL]"],
      ["邮箱：张三@例子.中国，谢谢", "邮箱：[EMAIL]，谢谢"],
      ["我的邮箱是张三@例子.中国谢谢", "我的邮箱是[EMAIL]谢谢"],
      ["请发到用户@qq.com谢谢", "请发到[EMAIL]谢谢"],
      ["麻烦客服回复张三@例子.中国", "麻烦客服回复[EMAIL]"],
      ["回复 zhang@例子.公司 就行", "回复 [EMAIL] 就行"],
      ["write to josé@bücher.de, please", "write to [EMAIL], please"],
      ["ｊｏｓé＠ｂüｃｈｅｒ．ｄｅ", "[EMAIL]"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });
});

describe("maskPii keeps the words around a mask exactly as written", () => {
  it.each([
    ["电话：１３８ １２３４ ５６７８（晚上），谢谢！", "电话：[PHONE]（晚上），谢谢！"],
    ["我的手机　138-1234-5678　，地址：北京市朝阳区", "我的手机　[PHONE]　，地址：北京市朝阳区"],
    [
      "２０２６年１１月２８日买的，电话１３８１２３４５６７８，价格￥１，２９９．００",
      "２０２６年１１月２８日买的，电话[PHONE]，价格￥１，２９９．００",
    ],
    ["ﬁle ＃１２ — call 138\u20131234\u20135678 ㈠", "ﬁle ＃１２ — call [PHONE] ㈠"],
    ["👨‍👩‍👧 13812345678 👍🏽", "👨‍👩‍👧 [PHONE] 👍🏽"],
    ["①13812345678②4111111111111111", "①[PHONE]②[CARD]"], // list markers are not digits
    [
      "【投诉】　邮箱：ａｂｃ＠ｑｑ．ｃｏｍ　　卡：４１１１－１１１１－１１１１－１１１１。",
      "【投诉】　邮箱：[EMAIL]　　卡：[CARD]。",
    ],
    ["身份证号：１１０１０５ １９９０ ０３０７ １２３９ ……再说一次", "身份证号：[ID] ……再说一次"],
  ])("%j", (text, expected) => {
    // Act
    const masked = maskPii(text);

    // Assess
    expect(masked).toBe(expected);
  });
});

describe("maskPii keeps what only looks like personal data", () => {
  it.each([
    ["DD20261128000123"], // order id: letters glued to the digits
    ["订单DD2026112800012345已发货"],
    ["2026112800012345678"], // 19 digits failing Luhn
    ["20261128000123456789"], // 20 digits
    ["KJ-500G"],
    ["X9-Pro 2026"],
    ["¥1,299.00"],
    ["1299元"],
    ["$12.50"],
    ["１２９９元"],
    ["2026年11月28日"],
    ["２０２６年１１月２８日"],
    ["2026-11-28"],
    ["2026\u201311\u201328"],
    ["２０２６－１１－２８"],
    ["2026/11/28"],
    ["2026.11.28"],
    ["28 Nov 2026"],
    ["Nov 28, 2026"],
    ["11.28"],
    ["14:30–16:00"],
    ["2026.11.28 14:30"],
    ["数量：３ 件"],
    ["400\u2013820\u20138820"],
    ["１．２．３"],
    ["abc@例子"], // no top-level domain
  ])("%j", (text) => {
    // Act
    const masked = maskPii(text);

    // Assess
    expect(masked).toBe(text);
  });
});

describe("maskPii takes any string", () => {
  it.each([
    ["\uD800"],
    ["\uDC00138 1234 5678\uD800"],
    ["138\uD8001234 5678"],
    ["\u0000138\u00001234\u00005678\u0000"],
    ["😀13812345678😀"],
    ["𠀀𠀁@𠀂.中国"],
    ["\uFEFF\u200D\u2060"],
    ["⑴⒈①¹㈠㍘ﬁ"],
  ])("%j", (text) => {
    // Act
    const once = maskPii(text);

    // Assess
    expect(typeof once).toBe("string");
    expect(maskPii(once)).toBe(once);
  });
});

describe("maskPii in whole customer words", () => {
  it.each([
    [
      "我在2026年6月30日买的X200，花了¥1299，订单号202606301234。客服电话打了三次，请回电138 1234 5678或发邮件到zhang.san@example.com。",
      "我在2026年6月30日买的X200，花了¥1299，订单号202606301234。客服电话打了三次，请回电[PHONE]或发邮件到[EMAIL]。",
    ],
    [
      "快递员要我的身份证号11010519491231002X和银行卡4111 1111 1111 1111，太离谱了！",
      "快递员要我的身份证号[ID]和银行卡[CARD]，太离谱了！",
    ],
    [
      "Ordered 2 units on 2026-06-30 for 1,299.00 each; call me at +86 138-1234-5678 or (021) 6123 4567 after 18:00.",
      "Ordered 2 units on 2026-06-30 for 1,299.00 each; call me at [PHONE] or [PHONE] after 18:00.",
    ],
    [
      "版本1.2.3升级后闪退，工单号 1234567812345678，座机0755-1234567。",
      "版本1.2.3升级后闪退，工单号 1234567812345678，座机[PHONE]。",
    ],
  ])("%j", (text, expected) => {
    // Act
    const masked = maskPii(text);

    // Assess
    expect(masked).toBe(expected);
  });

  it.each([
    ["邮箱abc@x.cn谢谢，电话13812345678，身份证11010519491231002X，卡4111111111111111"],
    ["[PHONE] [EMAIL] [ID] [CARD]"],
    ["+86 138 1234 5678 / 010-12345678"],
  ])("is idempotent on %j", (text) => {
    // Prepare
    const once = maskPii(text);

    // Act
    const twice = maskPii(once);

    // Assess
    expect(twice).toBe(once);
  });

  it("uses exactly the documented tokens", () => {
    // Assess
    expect(PII_TOKENS).toEqual({ phone: "[PHONE]", email: "[EMAIL]", id: "[ID]", card: "[CARD]" });
  });

  it("stays fast on the longest verbatim allowed", () => {
    // Prepare: 4,000 characters of digits, separators and letters, the worst shapes for the scans.
    const texts = [
      "1 ".repeat(2000),
      "a".repeat(4000),
      `${"a.".repeat(1999)}@`,
      "1-".repeat(2000),
      "电话13812345678，".repeat(250),
    ];

    // Act
    const started = performance.now();
    for (const text of texts) maskPii(text);
    const elapsed = performance.now() - started;

    // Assess
    expect(elapsed).toBeLessThan(250);
  });
});
