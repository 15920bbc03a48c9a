/**
 * Listen-in: a unit's or a line's customer voices, newest first, page by page; negatives only on
 * demand; and, for those who may, a chase raised from a voice to the owning unit's head.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { ScopePicker } from "../components/listen-scope";
import { VoiceStream } from "../components/listen-stream";
import { policy } from "../data";
import { navigate, route } from "../router";
import { role, t, units } from "../state";

export const ListenPage = () => {
  const current = route.value;
  const scope = current.page === "listen" ? current.scope : undefined;
  const id = current.page === "listen" ? current.id : undefined;
  const negativeOnly = useSignal(false);
  // One stream per scope and filter: a new one mounts for each.
  const key = scope && id ? `${scope}:${id}:${negativeOnly.value}` : null;
  // A unit head of one unit has one thing to listen to: open it rather than ask.
  const onlyUnit = role.value === "bu-head" && units.value.length === 1 ? units.value[0] : undefined;
  useEffect(() => {
    if (!scope && onlyUnit) navigate({ page: "listen", scope: "unit", id: onlyUnit }, true);
  }, [scope, onlyUnit]);
  return (
    <section id="listen-section" class="listen">
      <h2>{t("listenTitle")}</h2>
      <p class="note">
        {t("listenIntro")} {t("listenTimeZone", { zone: policy.value?.timeZone ?? "Asia/Shanghai" })}
      </p>
      <div class="toolbar listen-toolbar">
        <ScopePicker scope={scope} id={id} />
        <label class="listen-negative">
          <input
            id="listen-negative"
            type="checkbox"
            checked={negativeOnly.value}
            onChange={(e) => (negativeOnly.value = e.currentTarget.checked)}
          />{" "}
          {t("listenNegativeOnly")}
        </label>
      </div>
      {scope && id ? (
        <VoiceStream key={key} scope={scope} id={id} negativeOnly={negativeOnly.value} />
      ) : (
        <p class="empty" id="listen-pick">
          {t("listenPickFirst")}
        </p>
      )}
    </section>
  );
};
