/** The quarantined signals as a table: the unknown line they name and their words, as text only. */
import type { QuarantinedSignal } from "#schemas/quarantine";
import { policy } from "../data";
import { dateTime } from "../format";
import { CHANNEL_LABELS, KIND_LABELS } from "../listen-voice";
import { locale, t } from "../state";

export const QuarantineTable = ({ items }: { items: readonly QuarantinedSignal[] }) => {
  const loc = locale.value;
  const zone = policy.value?.timeZone ?? "Asia/Shanghai";
  return (
    <table id="quarantine">
      <thead>
        <tr>
          <th scope="col">{t("signal")}</th>
          <th scope="col">{t("quarantineUnknownLine")}</th>
          <th scope="col">{t("words")}</th>
          <th scope="col">{t("quarantineChannel")}</th>
          <th scope="col">{t("quarantineOccurred")}</th>
          <th scope="col">{t("quarantineHeld")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.signalId} data-signal={s.signalId}>
            <td>{s.signalId}</td>
            <td>{s.productLineId}</td>
            <td class="quarantine-words" lang={s.locale}>
              {s.verbatim ?? ""}
            </td>
            <td>
              {t(CHANNEL_LABELS[s.channel])} · {t(KIND_LABELS[s.kind])}
            </td>
            <td>{dateTime(loc, s.occurredAt, zone)}</td>
            <td>{dateTime(loc, s.quarantinedAt, zone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
