/** Listen-in's picker: a business unit or a product line, named in the chosen language. */
import { catalog } from "../data";
import { type ListenScope, listenableScopes, parseScopeValue, scopeValue } from "../listen-voice";
import { localName } from "../names";
import { navigate } from "../router";
import { role, t, units } from "../state";

export const ScopePicker = ({ scope, id }: { scope: ListenScope | undefined; id: string | undefined }) => {
  const view = catalog.value;
  const { units: unitList, lines } = listenableScopes(
    view?.businessUnits ?? [],
    view?.productLines ?? [],
    role.value === "bu-head" ? units.value : null,
  );
  const byName = <N extends { name: string; nameZh?: string | undefined }>(a: N, b: N) =>
    localName(a).localeCompare(localName(b));
  const current = scope && id ? scopeValue(scope, id) : "";
  return (
    <label class="listen-scope">
      {t("listenScope")}{" "}
      <select
        id="listen-scope"
        value={current}
        onChange={(e) => {
          const picked = parseScopeValue(e.currentTarget.value);
          if (picked) navigate({ page: "listen", scope: picked.scope, id: picked.id });
        }}
      >
        <option value="" disabled>
          {t("listenPickScope")}
        </option>
        {/* An address naming something not in the list (another unit's line) still shows what it names. */}
        {current &&
          !unitList.some((u) => scopeValue("unit", u.id) === current) &&
          !lines.some((l) => scopeValue("line", l.id) === current) && <option value={current}>{id}</option>}
        <optgroup label={t("listenUnits")}>
          {[...unitList].sort(byName).map((u) => (
            <option key={u.id} value={scopeValue("unit", u.id)}>
              {localName(u)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("listenLines")}>
          {[...lines].sort(byName).map((l) => (
            <option key={l.id} value={scopeValue("line", l.id)}>
              {localName(l)}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
};
