import { asOfNote, clampYear, firstYear, lastYear, nextYear, parseAsOf, playFrom, yearOf } from "./asof";
import { h } from "./dom";
import { formatPartialDate } from "./format";

export type TimeControl = {
  element: HTMLElement;
  /** Shows a date chosen elsewhere (the URL), without calling back. */
  show: (asOf: string | null) => void;
  /** Stops playing, when the page moves to another view. */
  stop: () => void;
};

/**
 * The "As of" control: a year slider, a date field that takes the API's partial dates, a button clearing the date,
 * and "Play years", which steps a year at a time. It says in one line what a date shows. onChange is called with each
 * date chosen (null for everything); playing waits for each year to be drawn (the returned promise) before the next.
 */
export function timeControl(options: { asOf: string | null; onChange: (asOf: string | null, playing: boolean) => Promise<void> }): TimeControl {
  const last = lastYear();
  let asOf = options.asOf;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let playing = false;
  // Nothing moves on the page but the year; with reduced motion each year stays longer, so the change can be read.
  const pause = matchMedia("(prefers-reduced-motion: reduce)").matches ? 2500 : 1200;

  const slider = h("input", {
    type: "range", id: "as-of-year", min: String(firstYear), max: String(last), step: "1",
    "aria-describedby": "as-of-note",
  });
  const field = h("input", {
    type: "text", id: "as-of-date", inputmode: "numeric", autocomplete: "off", spellcheck: "false",
    placeholder: "YYYY, YYYY-MM or YYYY-MM-DD", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", "aria-describedby": "as-of-help as-of-note",
  });
  const play = h("button", { type: "button", class: "play", "aria-pressed": "false" }, "Play years");
  const clear = h("button", { type: "button", class: "clear" }, "Clear the date");
  const note = h("p", { id: "as-of-note", class: "as-of-note", role: "status" });
  const error = h("p", { id: "as-of-error", class: "as-of-error", "aria-live": "polite" });

  const show = (next: string | null): void => {
    asOf = next;
    slider.value = String(next === null ? last : clampYear(yearOf(next), firstYear, last));
    slider.setAttribute("aria-valuetext", next === null ? "Everything recorded" : formatPartialDate(next));
    if (document.activeElement !== field || parseAsOf(field.value) !== next) field.value = next ?? "";
    clear.hidden = next === null;
    note.textContent = asOfNote(next, formatPartialDate);
  };

  const choose = (next: string | null): Promise<void> => {
    show(next);
    return options.onChange(next, playing);
  };

  const stop = (): void => {
    playing = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    play.textContent = "Play years";
    play.setAttribute("aria-pressed", "false");
  };

  const step = async (year: number): Promise<void> => {
    if (!playing) return;
    await choose(String(year)).catch(() => undefined);
    if (!playing) return;
    const following = nextYear(asOf, firstYear, last);
    if (following === null) {
      stop();
      return;
    }

    timer = setTimeout(() => void step(following), pause);
  };

  slider.addEventListener("input", () => {
    stop();
    void choose(slider.value);
  });
  field.addEventListener("change", () => {
    const text = field.value.trim();
    const parsed = parseAsOf(text);
    if (text !== "" && parsed === null) {
      error.textContent = `“${text}” is not a date the graph knows: write a year (2010), a month (2010-05) or a day (2010-05-09).`;
      field.setAttribute("aria-invalid", "true");
      return;
    }

    error.textContent = "";
    field.removeAttribute("aria-invalid");
    stop();
    void choose(parsed);
  });
  play.addEventListener("click", () => {
    if (playing) {
      stop();
      return;
    }

    playing = true;
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    void step(playFrom(asOf, firstYear, last));
  });
  clear.addEventListener("click", () => {
    stop();
    void choose(null);
    field.focus();
  });

  const element = h(
    "div",
    { class: "as-of", role: "group", "aria-labelledby": "as-of-title" },
    h("p", { class: "as-of-title", id: "as-of-title" }, "As of"),
    h("div", { class: "as-of-controls" },
      h("label", { for: "as-of-year", class: "as-of-slider" }, h("span", { class: "visually-hidden" }, "As of, year "), slider),
      h("span", { class: "as-of-field" }, h("label", { for: "as-of-date" }, "As of"), field),
      play,
      clear),
    h("p", { id: "as-of-help", class: "as-of-help" }, `A year from ${firstYear} to ${last} on the slider, or a date in the field (Enter to apply); empty for everything recorded.`),
    error,
    note,
  );
  show(asOf);
  return { element, show, stop };
}
