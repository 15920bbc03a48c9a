/** A change against the previous period: arrow and signed number as text, colour only as a second cue. */
import { number } from "../format";
import { changeText } from "../problems-data";
import { locale, t } from "../state";

export const Change = ({ change, previous }: { change: number; previous: string }) => {
  const loc = locale.value;
  const { text, direction } = changeText(loc, change);
  const amount = number(loc, Math.abs(change));
  const words =
    direction === "up"
      ? t("problemsUp", { amount, previous })
      : direction === "down"
        ? t("problemsDown", { amount, previous })
        : t("problemsSame", { previous });
  return (
    <span class={`change ${direction}`} title={words}>
      <span aria-hidden="true">{text}</span>
      <span class="visually-hidden">{words}</span>
    </span>
  );
};
