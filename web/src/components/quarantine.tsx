/** The CCO team's quarantine: signals naming unknown product lines, their words shown as text only. */
import { quarantine } from "../data";
import { t } from "../state";

export const Quarantine = () => {
  const items = quarantine.value;
  if (!items) return null;
  return (
    <section id="quarantine-section">
      <h2>{t("quarantine")}</h2>
      <table id="quarantine">
        <thead>
          <tr>
            <th>{t("signal")}</th>
            <th>{t("line")}</th>
            <th>{t("words")}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={3}>{t("empty")}</td>
            </tr>
          ) : (
            items.map((s) => (
              <tr key={s.signalId}>
                <td>{s.signalId}</td>
                <td>{s.productLineId}</td>
                <td>{s.verbatim ?? ""}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
};
