import { problemBoard } from "#app/problem-board";
import { apiHandler } from "#http/api-handler";
import * as routes from "#routes/problems";
import { REASONS } from "#schemas/signal";

const COLUMNS = [
  "productLineId",
  "name",
  "nameZh",
  "businessUnitId",
  "category",
  "n",
  "negatives",
  "negativesChange",
  ...REASONS,
  ...REASONS.map((r) => `${r}Change`),
];

export const handler = apiHandler(routes.getProblemBoard, ({ query }) => problemBoard(query), {
  csv: (board) => ({
    columns: COLUMNS,
    rows: board.productLines.map((l) => [
      l.productLineId,
      l.name,
      l.nameZh,
      l.businessUnitId,
      l.category,
      l.n,
      l.negatives,
      l.negativesChange,
      ...REASONS.map((r) => l.byReason[r]),
      ...REASONS.map((r) => l.byReasonChange[r]),
    ]),
  }),
});
