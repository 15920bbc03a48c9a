import { tableName } from "#lib/config";

/** The table name, resolved once. */
export const TABLE_NAME = (() => {
  let name: string | undefined;
  return () => {
    name ??= tableName();
    return name;
  };
})();
