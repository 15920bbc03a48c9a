/** A line's row of the problem board: its negatives by reason, each with its share and its change. */
import type { ProblemBoard } from "#schemas/problems";
import { api } from "../api";
import { number, percent } from "../format";
import { lineRowOf, reasonsOf } from "../line-data";
import { changeText, previousPeriodOf, problemsPath, shareOf } from "../problems-data";
import { useResource } from "../resource";
import { locale, t } from "../state";
import { Loaded } from "./loaded";
import { Change } from "./problems-change";

interface Props {
  lineId: string;
  unitId: string;
  category: string;
  period: string;
}

export const LineProblems = ({ lineId, unitId, category, period }: Props) => {
  // The board has no line filter: its unit and category narrow it to a few lines, this one among them.
  const resource = useResource(`${lineId}|${period}`, () =>
    api<ProblemBoard>(problemsPath({ period, unit: unitId, category, limit: 10_000 })),
  );
  const loc = locale.value;
  const previous = previousPeriodOf(period);
  return (
    <section id="line-problems" aria-labelledby="line-problems-title">
      <h3 id="line-problems-title">{t("lineProblems")}</h3>
      <Loaded
        resource={resource}
        isEmpty={(board) => lineRowOf(board, lineId) === null}
        emptyText={t("lineProblemsEmpty", { period, previous })}
      >
        {(board) => {
          const row = lineRowOf(board, lineId);
          if (!row) return null;
          const change = changeText(loc, row.negativesChange);
          return (
            <>
              <p class="note">
                {t("lineProblemsIntro", { period: board.period, previous: board.previousPeriod })}{" "}
                {t("problemsTotal", {
                  n: number(loc, row.n),
                  negatives: number(loc, row.negatives),
                  previous: board.previousPeriod,
                  change: change.text,
                })}
              </p>
              <table id="line-problems-table">
                <thead>
                  <tr>
                    <th scope="col">{t("lineReason")}</th>
                    <th scope="col" class="num">
                      {t("problemsNegatives")}
                    </th>
                    <th scope="col" class="num">
                      {t("problemsChange")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {reasonsOf(row, board.reasons).map((reason) => (
                    <tr key={reason} data-reason={reason}>
                      <th scope="row">{t(`problemsReason_${reason}`)}</th>
                      <td class="num">
                        {number(loc, row.byReason[reason])}{" "}
                        <span class="share">
                          ({percent(loc, shareOf(row.byReason[reason], row.negatives))})
                        </span>
                      </td>
                      <td class="num">
                        <Change change={row.byReasonChange[reason]} previous={board.previousPeriod} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </section>
  );
};
