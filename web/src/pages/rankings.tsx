/** The rankings page: the period's product lines against the bar and, for the CCO team, the quarantine. */
import { Lines } from "../components/lines";
import { Quarantine } from "../components/quarantine";

export const RankingsPage = () => (
  <>
    <Lines />
    <Quarantine />
  </>
);
