/** The rankings page: the period's product lines against the bar and, for the CCO team, the quarantine. */
import { useEffect } from "preact/hooks";
import { Lines } from "../components/lines";
import { Quarantine } from "../components/quarantine";
import { refreshRanking } from "../rankings-data";

export const RankingsPage = () => {
  useEffect(() => {
    void refreshRanking();
  }, []);
  return (
    <>
      <Lines />
      <Quarantine />
    </>
  );
};
