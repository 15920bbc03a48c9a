/** The rankings page: a period's product lines against the bar, from one API call. */
import { Lines } from "../components/lines";
import { Loaded } from "../components/loaded";
import { policy } from "../data";
import { periods } from "../format";
import { loadRanking } from "../rankings-data";
import { useResource } from "../resource";
import { period, t } from "../state";

const PeriodPicker = ({ value, choices }: { value: string; choices: string[] }) => (
  <label>
    {t("period")}{" "}
    <select id="period" value={value} onChange={(e) => (period.value = e.currentTarget.value)}>
      {(choices.includes(value) ? choices : [value, ...choices]).map((p) => (
        <option key={p} value={p}>
          {p}
        </option>
      ))}
    </select>
  </label>
);

export const RankingsPage = () => {
  const current = policy.value;
  const choices = current ? periods(current.timeZone) : [];
  const chosen = period.value ?? choices[0] ?? null;
  const resource = useResource(current && chosen ? `rankings|${chosen}` : null, () =>
    loadRanking(chosen ?? ""),
  );
  return (
    <section id="lines-section" aria-labelledby="rankings-heading">
      <div class="toolbar">
        <h2 id="rankings-heading">{t("rankingsHeading")}</h2>
        {chosen && <PeriodPicker value={chosen} choices={choices} />}
      </div>
      <Loaded resource={resource} isEmpty={(data) => data.lines.length === 0} emptyText={t("noLines")}>
        {(data) => current && <Lines data={data} current={current} />}
      </Loaded>
    </section>
  );
};
