import { describe, expect, it } from "vitest";
import { isResidentIdNumber, passesLuhn } from "#core/check-digits";

describe("passesLuhn", () => {
  it.each([
    ["4111111111111111", true], // Visa test number
    ["5555555555554444", true], // Mastercard
    ["378282246310005", true], // Amex, 15 digits
    ["30569309025904", true], // Diners, 14 digits
    ["4222222222222", true], // Visa, 13 digits
    ["6011111111111117", true], // Discover
    ["6222021234567890128", true], // 19 digits, UnionPay length
    ["79927398713", true], // the textbook example
    ["0", true],
    ["4111111111111112", false],
    ["1234567812345678", false],
    ["79927398710", false],
    ["", false],
    ["4111 1111 1111 1111", false], // digits only: grouping is removed before the check
    ["41111111111111a1", false],
  ])("%j → %s", (digits, expected) => {
    // Act
    const valid = passesLuhn(digits);

    // Assess
    expect(valid).toBe(expected);
  });
});

describe("isResidentIdNumber", () => {
  it.each([
    ["11010519491231002X", true], // the GB 11643 example, check character X
    ["11010519491231002x", true],
    ["440306200002291239", true], // born 29 Feb 2000 (a leap year)
    ["310115199003074413", true],
    ["510107198808151239", true],
    ["110105209912310029", true], // latest plausible birth year
    ["110105194912310021", false], // wrong check digit
    ["110105194912310020", false],
    ["440306200102291236", false], // valid check digit, but 29 Feb 2001 does not exist
    ["123456202613011239", false], // month 13
    ["123456199902301238", false], // 30 Feb
    ["110105189912310023", false], // born 1899
    ["110105210001010023", false], // born 2100
    ["00000019900101123X", false], // no region starts with 0
    ["11010519491231002", false], // 17 characters
    ["11010519491231002X1", false],
    ["1101051949123100XX", false],
    ["110105 19491231 002X", false], // grouping is removed before the check
    ["", false],
  ])("%j → %s", (id, expected) => {
    // Act
    const valid = isResidentIdNumber(id);

    // Assess
    expect(valid).toBe(expected);
  });
});
