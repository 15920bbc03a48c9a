/** Names of lines and units in the chosen language, from the catalog (the id when it is not read yet). */
import { catalog } from "./data";
import { isZh } from "./state";

interface Named {
  name: string;
  nameZh?: string | undefined;
}

/** A line's (or any named thing's) name in the chosen language. */
export const localName = (named: Named): string => (isZh.value && named.nameZh ? named.nameZh : named.name);

let linesOf: { source: unknown; byId: Map<string, Named> } | null = null;

const lineIndex = (): Map<string, Named> => {
  const view = catalog.value;
  if (!view) return new Map();
  if (linesOf?.source !== view)
    linesOf = { source: view, byId: new Map(view.productLines.map((l) => [l.id, l])) };
  return linesOf.byId;
};

export const lineName = (id: string): string => {
  const line = lineIndex().get(id);
  return line ? localName(line) : id;
};

export const unitName = (id: string): string => {
  const unit = catalog.value?.businessUnits.find((u) => u.id === id);
  return unit ? localName(unit) : id;
};

/** A category code's name in the chosen language, from the catalog's category names (the code when unnamed). */
export const categoryName = (id: string): string => {
  const category = catalog.value?.categories?.find((c) => c.id === id);
  return category ? localName(category) : id;
};
