package jp.ikiiki.desk.telephony.ui;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.ikiiki.desk.shared.charts.ChartImages;
import jp.ikiiki.desk.telephony.CallCharts;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.DailyCallStats;
import org.springframework.stereotype.Component;

/**
 * The wallboard's two charts as SVG, drawn again only when what they show has changed: the day's half-hour figures
 * of opening hours, or the half-hour the day has reached. Every open wallboard of a size gets the same string, so a
 * refresh that finds the same string sends nothing to the browser. Thread-safe.
 */
@Component
class WallboardCharts {

	/**
	 * Where a chart goes, and the canvas it is drawn on: the SVG scales to its box, so the canvas sets how large the
	 * text comes out (about 1:1 in the console's half-width box at 1280 px, larger on the TV).
	 */
	enum Size {
		CONSOLE(480, 250), TV(520, 300);

		final int width;
		final int height;

		Size(int width, int height) {
			this.width = width;
			this.height = height;
		}
	}

	/** The answer-rate chart and the calls chart, as {@code <svg>} elements. */
	record Svg(String answerRate, String calls) {
	}

	private record Key(List<CallStats> slots, long shownSlots) {
	}

	private record Entry(Key key, Svg svg) {
	}

	private final Map<Size, Entry> drawn = new EnumMap<>(Size.class);
	private final AtomicLong renderings = new AtomicLong();

	/** The charts of a day at an instant, drawn again only if their content differs from the last ones of the size. */
	synchronized Svg of(DailyCallStats day, Instant now, Size size) {
		List<CallStats> slots = CallCharts.openingHours(day.halfHours());
		Key key = new Key(slots, slots.stream().filter(s -> s.start().isBefore(now)).count());
		Entry last = drawn.get(size);
		if (last != null && last.key().equals(key)) {
			return last.svg();
		}
		renderings.incrementAndGet();
		Svg svg = new Svg(ChartImages.svg(CallCharts.answerRate(slots, now), size.width, size.height),
				ChartImages.svg(CallCharts.callsPerHalfHour(slots, now), size.width, size.height));
		drawn.put(size, new Entry(key, svg));
		return svg;
	}

	/** How often charts were drawn (for tests). */
	long renderings() {
		return renderings.get();
	}
}
