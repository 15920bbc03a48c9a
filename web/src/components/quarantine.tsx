/** The CCO team's quarantine: signals naming unknown product lines, their words shown as text only. */
import type { QuarantinedSignal } from "#schemas/quarantine";
import { api } from "../api";
import { useResource } from "../resource";
import { role, t } from "../state";

export const Quarantine = () => {
  const resource = useResource(role.value === "cco" ? "quarantine" : null, () =>
    api<{ items: QuarantinedSignal[] }>("/v1/quarantine?limit=50"),
  );
  const current = resource.state.value;
  if (role.value !== "cco" || current.phase !== "ready") return null;
  const items = current.data.items;
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
