/**
 * One table of the problem board: a row per unit, category or line, its negatives and their change,
 * and per reason the count with its share of the row's negatives and the change. Every figure sorts.
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { number, percent } from "../format";
import {
  DEFAULT_SORT,
  nextSort,
  type ProblemRow,
  type Reason,
  type SortKey,
  shareOf,
  sortRows,
} from "../problems-data";
import { locale, t } from "../state";
import { Change } from "./problems-change";

interface Props {
  id: string;
  title: string;
  /** The first column's heading (unit, category, line). */
  labelHeading: string;
  rows: ProblemRow[];
  reasons: readonly Reason[];
  previous: string;
  /** The first cell's content, when it is more than the label (a link to the line). */
  renderLabel?: (row: ProblemRow) => ComponentChildren;
}

const SortHeader = ({
  label,
  column,
  sort,
  onSort,
  numeric,
}: {
  label: string;
  column: SortKey;
  sort: { key: SortKey; descending: boolean };
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}) => {
  const active = sort.key === column;
  return (
    <th
      scope="col"
      class={numeric ? "num" : undefined}
      aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
    >
      <button type="button" class="sort" data-sort={column} onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {active ? (sort.descending ? " ▼" : " ▲") : " ↕"}
        </span>
        <span class="visually-hidden">
          {active
            ? `, ${sort.descending ? t("problemsSortedDown") : t("problemsSortedUp")}`
            : `, ${t("problemsSortBy", { column: label })}`}
        </span>
      </button>
    </th>
  );
};

export const ProblemsTable = ({ id, title, labelHeading, rows, reasons, previous, renderLabel }: Props) => {
  const sort = useSignal(DEFAULT_SORT);
  const loc = locale.value;
  const onSort = (key: SortKey) => {
    sort.value = nextSort(sort.value, key);
  };
  const sorted = sortRows(rows, sort.value, loc);
  return (
    <section class="problems-block" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div class="problems-scroll">
        <table id={id} class="problems-table">
          <caption class="note">{t("problemsCaption", { previous })}</caption>
          <thead>
            <tr>
              <SortHeader label={labelHeading} column="label" sort={sort.value} onSort={onSort} />
              <SortHeader label={t("problemsSignals")} column="n" sort={sort.value} onSort={onSort} numeric />
              <SortHeader
                label={t("problemsNegatives")}
                column="negatives"
                sort={sort.value}
                onSort={onSort}
                numeric
              />
              <SortHeader
                label={t("problemsChange")}
                column="negativesChange"
                sort={sort.value}
                onSort={onSort}
                numeric
              />
              {reasons.map((reason) => (
                <SortHeader
                  key={reason}
                  label={t(`problemsReason_${reason}`)}
                  column={`reason:${reason}`}
                  sort={sort.value}
                  onSort={onSort}
                  numeric
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.id} data-row={row.id}>
                <th scope="row">{renderLabel ? renderLabel(row) : row.label}</th>
                <td class="num">{number(loc, row.figures.n)}</td>
                <td class="num negatives">{number(loc, row.figures.negatives)}</td>
                <td class="num">
                  <Change change={row.figures.negativesChange} previous={previous} />
                </td>
                {reasons.map((reason) => {
                  const count = row.figures.byReason[reason];
                  const share = shareOf(count, row.figures.negatives);
                  return (
                    <td
                      key={reason}
                      class={count === 0 && row.figures.byReasonChange[reason] === 0 ? "num zero" : "num"}
                      data-reason={reason}
                    >
                      <span class="count">{number(loc, count)}</span>{" "}
                      <span class="share" title={t("problemsShareOf", { share: percent(loc, share) })}>
                        ({percent(loc, share)})
                      </span>
                      <br />
                      <Change change={row.figures.byReasonChange[reason]} previous={previous} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
