/**
 * Marshalling for the flat items this table holds (strings, numbers, booleans, string lists),
 * without pulling `@aws-sdk/util-dynamodb` into every bundle.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

export type Item = Record<string, AttributeValue>;

export const toItem = (values: Record<string, unknown>): Item => {
  const item: Item = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "string") item[name] = { S: value };
    else if (typeof value === "number") item[name] = { N: String(value) };
    else if (typeof value === "boolean") item[name] = { BOOL: value };
    else if (Array.isArray(value)) item[name] = { L: value.map((v) => ({ S: String(v) })) };
    else throw new TypeError(`Cannot store attribute ${name} of type ${typeof value}`);
  }
  return item;
};

export const fromItem = (item: Item): Record<string, unknown> => {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (value.S !== undefined) values[name] = value.S;
    else if (value.N !== undefined) values[name] = Number(value.N);
    else if (value.BOOL !== undefined) values[name] = value.BOOL;
    else if (value.L !== undefined) values[name] = value.L.map((v) => v.S ?? v.N);
  }
  return values;
};

/**
 * DynamoDB's item size: UTF-8 bytes of each attribute name plus its value (numbers count about
 * one byte per two digits plus one; lists and maps add 3 bytes plus 1 per element).
 * Used to price writes (1 write unit per KB, 2 in a transaction).
 */
export const itemSize = (item: Item): number => {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
};

const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\.|^0+/g, "").length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  return 0;
};

/**
 * A query's `ExclusiveStartKey` from a page position. Positions come back from signed cursors, so
 * they are ours; the shape is still checked, so that a position from an older release (or a bug)
 * fails as a bad position rather than as a malformed DynamoDB request.
 * @throws TypeError when the position is not a key of string and number attributes.
 */
export const startKeyOf = (position: unknown): Item | undefined => {
  if (position === undefined || position === null) return undefined;
  if (typeof position !== "object" || Array.isArray(position)) throw new TypeError("Not a key position");
  const key: Item = {};
  for (const [name, value] of Object.entries(position)) {
    const attribute = value as { S?: unknown; N?: unknown } | null;
    if (typeof attribute?.S === "string") key[name] = { S: attribute.S };
    else if (typeof attribute?.N === "string") key[name] = { N: attribute.N };
    else throw new TypeError(`Not a key position: attribute ${name}`);
  }
  return key;
};
