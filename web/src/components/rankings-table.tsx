/**
 * The ranking as a table that stays smooth at 10,000 lines: only the rows in view (plus a margin)
 * are in the DOM, between two spacer rows as tall as the rows left out, in a fixed-height scrolling
 * box whose header row stays put. `aria-rowcount` and each row's `aria-rowindex` tell assistive
 * technology where a row stands among all of them. Every figure's header sorts the table.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { RankedLine } from "#schemas/ranking";
import { number, percent } from "../format";
import type { MessageKey } from "../i18n";
import { categoryName, localName, unitName } from "../names";
import { isOverBar, type Judging, type Sort, type SortKey, visibleWindow } from "../rankings-view";
import { hrefOf } from "../router";
import { locale, t } from "../state";
import { AndonBadge } from "./andon-banner";
import { IntervalChart } from "./interval";

/** Every row is this tall (CSS keeps it so), which is what lets the window be computed, not measured. */
export const ROW_HEIGHT = 44;
/** Rows rendered beyond each edge of the view, so a fast scroll does not show blank space. */
const MARGIN = 15;

/** The line's state in words (never by colour alone): as the table and the CSV say it. */
export const stateWords = (line: RankedLine, judging: Judging): string =>
  [
    line.pulled && t("pulled"),
    !line.pulled && isOverBar(line, judging) && t("overBar"),
    line.atRisk && t("atRisk"),
    line.andon && t("andon"),
  ]
    .filter(Boolean)
    .join(" · ");

const COLUMNS: { key: SortKey | null; label: MessageKey; numeric?: boolean }[] = [
  { key: "rank", label: "rank", numeric: true },
  { key: "name", label: "line" },
  { key: "unit", label: "unit" },
  { key: "category", label: "category" },
  { key: "n", label: "n", numeric: true },
  { key: "negatives", label: "rankingsNegatives", numeric: true },
  { key: "negativeRate", label: "negativeRate", numeric: true },
  { key: "interval", label: "interval" },
  { key: null, label: "state" },
];

interface TableProps {
  rows: RankedLine[];
  judging: Judging;
  confidence: number;
  period: string;
  sort: Sort;
  onSort(key: SortKey): void;
  whyFor: string | null;
  onWhy(id: string): void;
  question(line: RankedLine): MessageKey;
}

let firstRowsMarked = false;

const HeaderCell = ({
  column,
  sort,
  onSort,
  confidence,
}: {
  column: (typeof COLUMNS)[number];
  sort: Sort;
  onSort(key: SortKey): void;
  confidence: number;
}) => {
  const label = t(column.label, { confidence: percent(locale.value, confidence) });
  const { key } = column;
  if (key === null) return <th scope="col">{label}</th>;
  const sorted = sort.key === key;
  return (
    <th
      scope="col"
      class={column.numeric ? "num" : undefined}
      aria-sort={sorted ? sort.direction : undefined}
    >
      <button
        type="button"
        class="sort"
        title={t("rankingsSortBy", { column: label })}
        onClick={() => onSort(key)}
      >
        {label}
        <span aria-hidden="true" class="sort-mark">
          {sorted ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}
        </span>
      </button>
    </th>
  );
};

export const RankingsTable = ({
  rows,
  judging,
  confidence,
  period,
  sort,
  onSort,
  whyFor,
  onWhy,
  question,
}: TableProps) => {
  const scroller = useRef<HTMLDivElement>(null);
  const scrollTop = useSignal(0);
  const viewport = useSignal(640);
  const frame = useRef(0);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const measure = () => {
      viewport.value = box.clientHeight || 640;
    };
    measure();
    addEventListener("resize", measure);
    return () => removeEventListener("resize", measure);
  }, []);
  // A new filter or sort starts at the top: the old position would land among unrelated rows.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    scrollTop.value = 0;
  }, [rows]);
  useEffect(() => {
    if (rows.length > 0 && !firstRowsMarked) {
      firstRowsMarked = true;
      // Read by `npm run bench -- web` and the e2e test: when the first rows were on screen.
      performance.mark("rankings-first-rows");
    }
  }, [rows]);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      scrollTop.value = scroller.current?.scrollTop ?? 0;
    });
  };
  const loc = locale.value;
  const { start, end } = visibleWindow({
    scrollTop: scrollTop.value,
    viewport: viewport.value,
    rowHeight: ROW_HEIGHT,
    count: rows.length,
    margin: MARGIN,
  });
  const label = t("rankingsTableLabel", { period });
  return (
    <div class="rankings-scroll" ref={scroller} onScroll={onScroll}>
      <table id="lines" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <HeaderCell
                key={column.label}
                column={column}
                sort={sort}
                onSort={onSort}
                confidence={confidence}
              />
            ))}
            <th scope="col">
              <span class="visually-hidden">{t("rankingsWhyRank")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {start > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing, focusable or not.
            <tr class="spacer" aria-hidden="true" style={{ height: `${start * ROW_HEIGHT}px` }}>
              <td colSpan={COLUMNS.length + 1} />
            </tr>
          )}
          {rows.slice(start, end).map((line, offset) => {
            const over = isOverBar(line, judging);
            const name = localName(line);
            const ask = t(question(line));
            return (
              <tr
                key={line.productLineId}
                data-line={line.productLineId}
                class={over ? "poor" : undefined}
                aria-rowindex={start + offset + 2}
              >
                <td class="num">{number(loc, line.rank)}</td>
                <td class="name" title={name}>
                  <a href={hrefOf({ page: "line", id: line.productLineId })}>{name}</a>
                  <AndonBadge andon={line.andon} />
                </td>
                <td>{unitName(line.businessUnitId)}</td>
                <td>{categoryName(line.category)}</td>
                <td class="num">{number(loc, line.n)}</td>
                <td class="num">{number(loc, line.negatives)}</td>
                <td class="num">{percent(loc, line.negativeRate)}</td>
                <td>
                  <IntervalChart wilson={line.wilson} bar={judging.bar} width={140} />
                </td>
                <td class="state">{stateWords(line, judging)}</td>
                <td>
                  <button
                    type="button"
                    class="why"
                    aria-expanded={whyFor === line.productLineId}
                    aria-controls="rankings-why"
                    aria-label={t("rankingsWhyOf", { question: ask, name })}
                    onClick={() => onWhy(line.productLineId)}
                  >
                    {ask}
                  </button>
                </td>
              </tr>
            );
          })}
          {end < rows.length && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing, focusable or not.
            <tr class="spacer" aria-hidden="true" style={{ height: `${(rows.length - end) * ROW_HEIGHT}px` }}>
              <td colSpan={COLUMNS.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
};
