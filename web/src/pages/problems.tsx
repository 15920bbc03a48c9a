/**
 * The problem board: what drives a period's negative experiences, by reason, for each business unit,
 * category and product line, against the previous period; filtered by unit and category.
 */
import { useSignal } from "@preact/signals";
import type { ProblemBoard } from "#schemas/problems";
import { api } from "../api";
import { Loaded } from "../components/loaded";
import { Change } from "../components/problems-change";
import { ProblemsTable } from "../components/problems-table";
import { catalog, policy } from "../data";
import { dateTime, number, periods } from "../format";
import { categoryName, localName, unitName } from "../names";
import { categoriesOf, changeText, type ProblemRow, previousPeriodOf, problemsPath } from "../problems-data";
import { useResource } from "../resource";
import { hrefOf } from "../routes";
import { locale, period, t } from "../state";

const zone = () => policy.value?.timeZone ?? "Asia/Shanghai";

const Select = ({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) => (
  <label>
    {label}{" "}
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </label>
);

const isEmptyBoard = (board: ProblemBoard) =>
  board.total.negatives === 0 && board.total.negativesChange === 0 && board.productLineCount === 0;

const Board = ({ board }: { board: ProblemBoard }) => {
  const loc = locale.value;
  const previous = board.previousPeriod;
  const units: ProblemRow[] = board.businessUnits.map((u) => ({
    id: u.businessUnitId,
    label: catalog.value?.businessUnits.some((b) => b.id === u.businessUnitId)
      ? unitName(u.businessUnitId)
      : u.name,
    figures: u,
  }));
  const categories: ProblemRow[] = board.categories.map((c) => ({
    id: c.category,
    label: categoryName(c.category),
    figures: c,
  }));
  const lines: ProblemRow[] = board.productLines.map((l) => ({
    id: l.productLineId,
    label: localName(l),
    figures: l,
  }));
  return (
    <>
      <p id="problems-total">
        {t("problemsTotal", {
          n: number(loc, board.total.n),
          negatives: number(loc, board.total.negatives),
          previous,
          change: changeText(loc, board.total.negativesChange).text,
        })}{" "}
        <span class="note">{t("problemsAsOf", { at: dateTime(loc, board.asOf, zone()) })}</span>
      </p>
      <ul id="problems-reasons" class="problems-reasons">
        {board.reasons.map((reason) => (
          <li key={reason} data-reason={reason}>
            <span class="reason-name">{t(`problemsReason_${reason}`)}</span>{" "}
            <span class="count">{number(loc, board.total.byReason[reason])}</span>{" "}
            <Change change={board.total.byReasonChange[reason]} previous={previous} />
          </li>
        ))}
      </ul>
      <ProblemsTable
        id="problems-units"
        title={t("problemsByUnit")}
        labelHeading={t("unit")}
        rows={units}
        reasons={board.reasons}
        previous={previous}
      />
      <ProblemsTable
        id="problems-categories"
        title={t("problemsByCategory")}
        labelHeading={t("category")}
        rows={categories}
        reasons={board.reasons}
        previous={previous}
      />
      <ProblemsTable
        id="problems-lines"
        title={t("problemsByLine")}
        labelHeading={t("line")}
        rows={lines}
        reasons={board.reasons}
        previous={previous}
        renderLabel={(row) => <a href={hrefOf({ page: "line", id: row.id })}>{row.label}</a>}
      />
      <p id="problems-line-count" class="note">
        {t("problemsLineCount", {
          shown: number(loc, board.productLines.length),
          count: number(loc, board.productLineCount),
        })}
      </p>
    </>
  );
};

export const ProblemsPage = () => {
  const loc = locale.value;
  const chosen = useSignal(period.value ?? periods(zone())[0] ?? "");
  const unit = useSignal("");
  const category = useSignal("");
  const ready = policy.value !== null && catalog.value !== null;
  const key = ready ? `${chosen.value}|${unit.value}|${category.value}` : null;
  const resource = useResource(key, () =>
    api<ProblemBoard>(problemsPath({ period: chosen.value, unit: unit.value, category: category.value })),
  );
  const list = periods(zone());
  const all = { value: "", label: t("problemsAll") };
  const view = catalog.value;
  return (
    <section id="problems-section" aria-labelledby="problems-title">
      <div class="toolbar problems-toolbar">
        <h2 id="problems-title">{t("problemsTitle")}</h2>
        <div class="problems-filters">
          <Select
            id="problems-period"
            label={t("period")}
            value={chosen.value}
            options={(list.includes(chosen.value) ? list : [chosen.value, ...list]).map((p) => ({
              value: p,
              label: p,
            }))}
            onChange={(p) => {
              chosen.value = p;
              period.value = p;
            }}
          />
          <Select
            id="problems-unit"
            label={t("problemsUnitFilter")}
            value={unit.value}
            options={[all, ...(view?.businessUnits ?? []).map((u) => ({ value: u.id, label: localName(u) }))]}
            onChange={(u) => {
              unit.value = u;
            }}
          />
          <Select
            id="problems-category"
            label={t("problemsCategoryFilter")}
            value={category.value}
            options={[
              all,
              ...categoriesOf(view?.productLines ?? [], loc).map((c) => ({
                value: c,
                label: categoryName(c),
              })),
            ]}
            onChange={(c) => {
              category.value = c;
            }}
          />
        </div>
      </div>
      <p class="note">
        {t("problemsIntro", { period: chosen.value, previous: previousPeriodOf(chosen.value) })}
      </p>
      <Loaded
        resource={resource}
        isEmpty={isEmptyBoard}
        emptyText={t("problemsEmpty", { period: chosen.value, previous: previousPeriodOf(chosen.value) })}
      >
        {(board) => <Board board={board} />}
      </Loaded>
    </section>
  );
};
