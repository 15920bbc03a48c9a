/**
 * The rankings' filters (unit, category, state, name search), which combine; the row count, always
 * in view; and the CSV download of exactly the rows shown. Typing in the search loads the pinyin
 * matcher (its own chunk) the first time.
 */
import type { Signal } from "@preact/signals";
import { number } from "../format";
import { categoryName, unitName } from "../names";
import { loadPinyin } from "../rankings-pinyin";
import { type Filters, NO_FILTERS, STATE_FILTERS, type StateFilter } from "../rankings-view";
import { locale, t } from "../state";

const STATE_LABELS = {
  all: "rankingsAllStates",
  over: "overBar",
  pulled: "pulled",
  atRisk: "atRisk",
  andon: "andon",
  none: "rankingsStateNone",
} as const satisfies Record<StateFilter, string>;

interface ToolbarProps {
  filters: Signal<Filters>;
  units: string[];
  categories: string[];
  shown: number;
  total: number;
  onDownload(): void;
}

export const RankingsToolbar = ({ filters, units, categories, shown, total, onDownload }: ToolbarProps) => {
  const current = filters.value;
  const set = (change: Partial<Filters>) => {
    filters.value = { ...filters.value, ...change };
  };
  const loc = locale.value;
  const filtered =
    current.unit !== "" || current.category !== "" || current.state !== "all" || current.search !== "";
  return (
    <div class="rankings-filters">
      <label class="rankings-search">
        {t("rankingsSearch")}
        <input
          id="rankings-search"
          type="search"
          value={current.search}
          placeholder={t("rankingsSearchHint")}
          autocomplete="off"
          onFocus={() => void loadPinyin()}
          onInput={(e) => {
            void loadPinyin();
            set({ search: e.currentTarget.value });
          }}
        />
      </label>
      <label>
        {t("unit")}
        <select
          id="rankings-unit"
          value={current.unit}
          onChange={(e) => set({ unit: e.currentTarget.value })}
        >
          <option value="">{t("rankingsAllUnits")}</option>
          {units.map((id) => (
            <option key={id} value={id}>
              {unitName(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("category")}
        <select
          id="rankings-category"
          value={current.category}
          onChange={(e) => set({ category: e.currentTarget.value })}
        >
          <option value="">{t("rankingsAllCategories")}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("state")}
        <select
          id="rankings-state"
          value={current.state}
          onChange={(e) => set({ state: e.currentTarget.value as StateFilter })}
        >
          {STATE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(STATE_LABELS[s])}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <button type="button" id="rankings-clear" onClick={() => (filters.value = NO_FILTERS)}>
          {t("rankingsClear")}
        </button>
      )}
      <p id="rankings-count" class="rankings-count" aria-live="polite">
        {t("rankingsCount", { shown: number(loc, shown), total: number(loc, total) })}
      </p>
      <button
        type="button"
        id="rankings-csv"
        title={t("rankingsCsvHint", { shown: number(loc, shown) })}
        disabled={shown === 0}
        onClick={onDownload}
      >
        <span aria-hidden="true">⤓</span> {t("rankingsCsv")}
      </button>
    </div>
  );
};
