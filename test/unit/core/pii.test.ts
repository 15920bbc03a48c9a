import { describe, expect, it } from "vitest";
import { maskPii } from "#core/pii";

describe("maskPii masks", () => {
  describe("mainland mobile numbers", () => {
    it.each([
      ["13812345678", "[PHONE]"],
      ["19912345678", "[PHONE]"],
      ["138 1234 5678", "[PHONE]"],
      ["138-1234-5678", "[PHONE]"],
      ["+86 138 1234 5678", "[PHONE]"],
      ["+86-138-1234-5678", "[PHONE]"],
      ["+8613812345678", "[PHONE]"],
      ["+86 13812345678", "[PHONE]"],
      ["008613812345678", "[PHONE]"],
      ["0086 138 1234 5678", "[PHONE]"],
      ["8613812345678", "[PHONE]"],
      ["86 138 1234 5678", "[PHONE]"],
      ["(+86) 138 1234 5678", "[PHONE]"],
      ["＋86 138 1234 5678", "[PHONE]"],
      ["电话13812345678谢谢", "电话[PHONE]谢谢"],
      ["我的手机是138-1234-5678，请回电。", "我的手机是[PHONE]，请回电。"],
      ["联系方式：+86 138 1234 5678（晚上）", "联系方式：[PHONE]（晚上）"],
      ["tel:15912345678", "tel:[PHONE]"],
      ["call 177 0000 1111 or 186 2222 3333", "call [PHONE] or [PHONE]"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("landlines", () => {
    it.each([
      ["010-12345678", "[PHONE]"],
      ["0755-1234567", "[PHONE]"],
      ["0755-12345678", "[PHONE]"],
      ["(021) 6123 4567", "[PHONE]"],
      ["(021)61234567", "[PHONE]"],
      ["（021）6123 4567", "[PHONE]"],
      ["021 61234567", "[PHONE]"],
      ["021-6123-4567", "[PHONE]"],
      ["0755 1234 5678", "[PHONE]"],
      ["02161234567", "[PHONE]"],
      ["07551234567", "[PHONE]"],
      ["+86 21 6123 4567", "[PHONE]"],
      ["+86-10-12345678", "[PHONE]"],
      ["0086 755 12345678", "[PHONE]"],
      ["010-12345678-801", "[PHONE]"],
      ["010-12345678转801", "[PHONE]"],
      ["客服电话010-12345678，周一至周五", "客服电话[PHONE]，周一至周五"],
      ["门店座机(021) 6123 4567打不通", "门店座机[PHONE]打不通"],
      // A 7-digit local number grouped 4-3, as some people say it.
      ["(0571) 1475 444", "[PHONE]"],
      ["0571-1475-444", "[PHONE]"],
      ["+86 571 1475 444", "[PHONE]"],
      ["座机0571 1475 444找王经理", "座机[PHONE]找王经理"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("e-mail addresses", () => {
    it.each([
      ["abc@x.cn", "[EMAIL]"],
      ["邮箱abc@x.cn谢谢", "邮箱[EMAIL]谢谢"],
      ["请发到 zhang.san+orders@mail.example.com.cn 。", "请发到 [EMAIL] 。"],
      ["first.last@sub.domain.co.uk", "[EMAIL]"],
      ["user_name-1%x@my-host.io", "[EMAIL]"],
      ["13812345678@163.com", "[EMAIL]"],
      ["Mail: A.B@EXAMPLE.COM.", "Mail: [EMAIL]."],
      ["a@b.cn,c@d.com", "[EMAIL],[EMAIL]"],
      ["联系邮箱：service@strawberry.example（工作日回复）", "联系邮箱：[EMAIL]（工作日回复）"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("PRC resident ID numbers", () => {
    it.each([
      ["11010519491231002X", "[ID]"],
      ["11010519491231002x", "[ID]"],
      ["440306200002291239", "[ID]"],
      ["110105 19491231 002X", "[ID]"],
      ["110105-19491231-002X", "[ID]"],
      ["身份证号11010519491231002X，麻烦核实", "身份证号[ID]，麻烦核实"],
      ["身份证：310115199003074413。", "身份证：[ID]。"],
      ["ID 510107198808151239 and 440306200002291239", "ID [ID] and [ID]"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });

  describe("card numbers", () => {
    it.each([
      ["4111111111111111", "[CARD]"],
      ["4111 1111 1111 1111", "[CARD]"],
      ["4111-1111-1111-1111", "[CARD]"],
      ["5555 5555 5555 4444", "[CARD]"],
      ["378282246310005", "[CARD]"],
      ["3782 822463 10005", "[CARD]"],
      ["3056 930902 5904", "[CARD]"],
      ["4222222222222", "[CARD]"],
      ["6222021234567890128", "[CARD]"],
      ["6222 0212 3456 7890 128", "[CARD]"],
      ["卡号4111111111111111谢谢", "卡号[CARD]谢谢"],
      ["银行卡 6222 0212 3456 7890 128 被扣款两次", "银行卡 [CARD] 被扣款两次"],
      ["card 4111 1111 1111 1111 2026-06-30", "card [CARD] 2026-06-30"],
      ["paid 2026 4111 1111 1111 1111", "paid 2026 [CARD]"],
      // Grouped by fours beyond 19 digits: the longest valid card from the left, the rest kept.
      ["4111 1111 1111 1111 1111", "[CARD] 1111"],
    ])("%j", (text, expected) => {
      // Act
      const masked = maskPii(text);

      // Assess
      expect(masked).toBe(expected);
    });
  });
});

describe("maskPii keeps", () => {
  it.each([
    ["2026-06-30"],
    ["2026/06/30"],
    ["2026年6月30日"],
    ["2026年06月30日下午3点"],
    ["14:30"],
    ["14:30:59"],
    ["2026-06-30 14:30:00"],
    ["2026-06-30T14:30:00+08:00"],
    ["¥1299"],
    ["￥1,299.00"],
    ["1,299.00元"],
    ["价格 12999 元"],
    ["3 件"],
    ["88"],
    ["X200"],
    ["型号 X200 Pro Max 12"],
    ["SKU-2026-0630"],
    ["202606301234"], // 12-digit order number
    ["订单号202606301234已签收"],
    ["138123456789"], // 12 digits starting like a mobile
    ["1381234567"], // 10 digits
    ["110105194912310021"], // 18 digits, wrong ID check digit (and fails Luhn)
    ["440306200102291236"], // right check digit, impossible birth date
    ["202606301234567890"], // 18-digit order number
    ["4111111111111112"], // 16 digits failing Luhn
    ["1234 5678 1234 5678"],
    ["1234567812345678"],
    ["41111111111111111111"], // 20 digits: longer than any card
    ["2026-06-30 4111"],
    ["1.2.3"],
    ["v2.10.4"],
    ["iOS 17.5.1"],
    ["400-820-8820"], // a company's service line is not personal data
    ["第3次投诉"],
    ["退款 1299.00 元，订单 2026063012 号"],
    ["abc@localhost"], // no dot in the domain: not an address
    ["@张三 你好"],
    ["100%"],
    [""],
  ])("%j", (text) => {
    // Act
    const masked = maskPii(text);

    // Assess
    expect(masked).toBe(text);
  });
});
