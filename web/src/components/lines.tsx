/**
 * The period's product lines from one ranking call: filtered, sorted and windowed in the browser
 * (10,000 lines stay smooth), each line's Wilson interval against the bar, its state in words, and
 * "why" one click away; the bar explained from the ranking and the policy, never hard-coded.
 */
import { useSignal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import type { Policy } from "#schemas/policy";
import type { RankedLine } from "#schemas/ranking";
import { catalog } from "../data";
import { number, percent } from "../format";
import { categoryName, localName, unitName } from "../names";
import { csvFileName, rankingsCsv } from "../rankings-csv";
import type { Ranking } from "../rankings-data";
import { pinyinMatch } from "../rankings-pinyin";
import {
  choicesOf,
  DEFAULT_SORT,
  type Filters,
  filterLines,
  NO_FILTERS,
  nextSort,
  type Sort,
  sortLines,
} from "../rankings-view";
import { type WhyContext, whyQuestion } from "../rankings-why";
import { locale, t } from "../state";
import { RankingsTable, stateWords } from "./rankings-table";
import { RankingsToolbar } from "./rankings-toolbar";
import { RankingsWhy } from "./rankings-why";

const download = (text: string, name: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const Lines = ({ data, current }: { data: Ranking; current: Policy }) => {
  const filters = useSignal<Filters>(NO_FILTERS);
  const sort = useSignal<Sort>(DEFAULT_SORT);
  const whyFor = useSignal<string | null>(null);
  const loc = locale.value;
  const review = current.review;
  const judging = { bar: data.bar, minSample: review.minSample };
  const pinyin = pinyinMatch.value ?? undefined;
  const filtered = useMemo(
    () => filterLines(data.lines, filters.value, judging, pinyin),
    [data, filters.value, pinyin, judging.minSample],
  );
  // Names sort as the reader sees them: in the chosen language, by the catalog read.
  const rows = useMemo(
    () => sortLines(filtered, sort.value, { lineName: localName, unitName, locale: loc }),
    [filtered, sort.value, loc, catalog.value],
  );
  const { units, categories } = useMemo(() => choicesOf(data.lines), [data]);
  const context: WhyContext = {
    envelope: data,
    review: current.review,
    priorStrength: current.awards.priorStrength,
  };
  const question = (line: RankedLine) => whyQuestion(line, context);
  const onDownload = () =>
    download(
      rankingsCsv(rows, {
        translate: (key) => t(key, { confidence: percent(loc, review.confidence) }),
        lineName: localName,
        unitName,
        categoryName,
        stateOf: (line) => stateWords(line, judging),
        bar: data.bar,
      }),
      csvFileName(data.period),
    );
  const { minSample, absoluteThreshold, relativeThreshold } = review;
  return (
    <>
      <RankingsToolbar
        filters={filters}
        units={units}
        categories={categories}
        shown={rows.length}
        total={data.lines.length}
        onDownload={onDownload}
      />
      <RankingsWhy
        line={whyFor.value ? data.lines.find((l) => l.productLineId === whyFor.value) : undefined}
        context={context}
        onClose={() => (whyFor.value = null)}
      />
      {rows.length === 0 ? (
        <p class="empty" id="rankings-no-match">
          {t("rankingsNoMatch")}
        </p>
      ) : (
        <RankingsTable
          rows={rows}
          judging={judging}
          confidence={review.confidence}
          period={data.period}
          sort={sort.value}
          onSort={(key) => (sort.value = nextSort(sort.value, key))}
          whyFor={whyFor.value}
          onWhy={(id) => (whyFor.value = whyFor.value === id ? null : id)}
          question={question}
        />
      )}
      <p class="note">
        {t("barNote", {
          bar: percent(loc, data.bar),
          absolute: percent(loc, absoluteThreshold),
          relative: number(loc, relativeThreshold, 2),
          pooled: percent(loc, data.pooledRate),
          version: data.policyVersion,
          minSample: number(loc, minSample),
        })}
      </p>
    </>
  );
};
