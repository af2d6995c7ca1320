package jp.ikiiki.desk.telephony.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.TelephonyStatus;

/**
 * The wallboard's content, for the console page and for the TV page: the connection and the clock, six figures
 * against their targets (lines, waiting callers, today's and this half-day's answer rate against 90 %, abandons and
 * time-outs, refusals), the day's two charts and the queue's agents by name. It refreshes itself from
 * {@link WallboardFeed} while attached; the figures of a round are read once for every open wallboard
 * ({@link WallboardSource}) and the charts drawn only when their content changed ({@link WallboardCharts}); a chart
 * whose drawing did not change is not sent to the browser again.
 */
class WallboardBoard extends Div {

	private final WallboardSource source;
	private final WallboardCharts charts;
	private final WallboardFeed feed;
	private final boolean tv;

	private final Span connection = new Span();
	private final Span clock = new Span();
	private final Span gap = new Span();
	private final Tile lineTile;
	private final Tile waitingTile;
	private final Tile todayTile;
	private final Tile halfTile;
	private final Tile abandonedTile;
	private final Tile refusedTile;
	private final Div rateChart = new Div();
	private final Div callsChart = new Div();
	private final Grid<WallboardSource.Agent> memberGrid = new Grid<>(WallboardSource.Agent.class, false);
	private final Div agentCards = new Div();
	private String rateShown;
	private String callsShown;
	private Runnable unsubscribe;

	/**
	 * @param header the page's own title and links, placed before the connection and the clock
	 * @param tv     large type for a screen read from across a room, agents as cards
	 */
	WallboardBoard(WallboardSource source, WallboardCharts charts, WallboardFeed feed, boolean tv, Component header) {
		this.source = source;
		this.charts = charts;
		this.feed = feed;
		this.tv = tv;
		addClassName(tv ? "wallboard-tv" : "wallboard");
		lineTile = new Tile(getTranslation("telephony.wallboard.lines"), "wallboard-lines", tv);
		waitingTile = new Tile(getTranslation("telephony.wallboard.waiting"), "wallboard-waiting", tv);
		todayTile = new Tile(getTranslation("telephony.wallboard.rate-today"), "wallboard-rate-today", tv);
		halfTile = new Tile(getTranslation("telephony.wallboard.rate-halfday"), "wallboard-rate-halfday", tv);
		abandonedTile = new Tile(getTranslation("telephony.wallboard.abandoned"), "wallboard-abandoned", tv);
		refusedTile = new Tile(getTranslation("telephony.wallboard.refused"), "wallboard-refused", tv);

		connection.setId("wallboard-connection");
		connection.getElement().getThemeList().add("badge");
		clock.setId("wallboard-clock");
		gap.setId("wallboard-gap");
		gap.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
		Div top = new Div(header, connection, clock);
		top.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
				.set("gap", tv ? "1.5vw" : "var(--lumo-space-m)");

		Div tiles = new Div(todayTile, halfTile, lineTile, waitingTile, abandonedTile, refusedTile);
		tiles.setId("wallboard-tiles");
		tiles.getStyle().set("display", "grid").set("gap", tv ? "1vw" : "var(--lumo-space-m)")
				.set("grid-template-columns", tv ? "repeat(6, minmax(0, 1fr))" : "repeat(auto-fill, minmax(9rem, 1fr))");

		rateChart.setId("wallboard-chart-rate");
		callsChart.setId("wallboard-chart-calls");
		for (Div chart : List.of(rateChart, callsChart)) {
			chart.getStyle().set("min-width", "0").set("border", "1px solid var(--lumo-contrast-10pct)")
					.set("border-radius", "var(--lumo-border-radius-m)").set("overflow", "hidden");
			if (tv) {
				chart.getStyle().set("height", "100%").set("display", "flex").set("align-items", "center");
			}
		}
		Div chartRow = new Div(rateChart, callsChart);
		chartRow.setId("wallboard-charts");
		chartRow.getStyle().set("display", "grid").set("gap", tv ? "1vw" : "var(--lumo-space-m)").set("min-height", "0")
				.set("grid-template-columns", tv ? "1fr 1fr" : "repeat(auto-fit, minmax(24rem, 1fr))");

		Component agents = tv ? agentCards : memberGrid;
		if (tv) {
			agentCards.setId("wallboard-agents");
			agentCards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.8vw");
		} else {
			memberGrid.setId("wallboard-members");
			memberGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
			memberGrid.addColumn(WallboardSource.Agent::name).setHeader(getTranslation("telephony.wallboard.agent"))
					.setAutoWidth(true);
			memberGrid.addColumn(WallboardSource.Agent::phone).setHeader(getTranslation("telephony.wallboard.phone"))
					.setAutoWidth(true);
			memberGrid.addComponentColumn(a -> activity(a.state())).setHeader(getTranslation("telephony.wallboard.state"))
					.setAutoWidth(true);
			memberGrid.addColumn(a -> since(a.state().since(), Instant.now()))
					.setHeader(getTranslation("telephony.wallboard.since")).setAutoWidth(true);
			memberGrid.addColumn(a -> a.state().callsTaken()).setHeader(getTranslation("telephony.wallboard.calls-taken"))
					.setAutoWidth(true);
			memberGrid.addColumn(a -> a.state().pausedReason() == null ? "" : a.state().pausedReason())
					.setHeader(getTranslation("telephony.wallboard.paused-reason")).setAutoWidth(true);
			memberGrid.setAllRowsVisible(true);
		}

		add(top, gap, tiles, chartRow, agents);
		getStyle().set("display", "grid").set("gap", tv ? "1.2vh" : "var(--lumo-space-m)").set("min-width", "0");
		if (tv) {
			getStyle().set("grid-template-rows", "auto auto auto minmax(0, 1fr) auto").set("height", "100%")
					.set("box-sizing", "border-box");
		} else {
			setWidthFull();
		}
		refresh();
	}

	@Override
	protected void onAttach(AttachEvent event) {
		UI ui = event.getUI();
		unsubscribe = feed.subscribe(() -> ui.access(this::refresh));
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (unsubscribe != null) {
			unsubscribe.run();
			unsubscribe = null;
		}
	}

	private void refresh() {
		WallboardSource.Round round = source.round();
		Instant now = round.at();
		clock.setText(JapaneseDates.toWesternDateTimeWithWeekday(now)
				+ now.atZone(jp.ikiiki.desk.shared.JapanTime.ZONE).format(SECONDS));

		TelephonyStatus.Status status = round.status();
		connection.setText(switch (status.state()) {
			case CONNECTED -> getTranslation("telephony.wallboard.connected");
			case RECONNECTING -> getTranslation("telephony.wallboard.reconnecting", since(status.since(), Instant.now()));
			case DISCONNECTED -> getTranslation("telephony.wallboard.disconnected");
		});
		connection.getElement().getThemeList().set("success", status.state() == TelephonyStatus.State.CONNECTED);
		connection.getElement().getThemeList().set("error", status.state() != TelephonyStatus.State.CONNECTED);

		LinesNow lines = round.lines();
		CallCentreNow.Snapshot live = round.live();
		lineTile.show(live.linesInUse() + " / " + lines.limit(),
				lines.overrideUntil() != null
						? getTranslation("telephony.wallboard.override", JapaneseDates.toTime(lines.overrideUntil()))
						: lines.open() ? getTranslation("telephony.wallboard.lines-note")
								: getTranslation("telephony.wallboard.closed"),
				lines.limit() > 0 && live.linesInUse() >= lines.limit() ? Tile.Tone.BAD : Tile.Tone.NEUTRAL);
		waitingTile.show(getTranslation("telephony.wallboard.waiting-value", live.callersWaiting()),
				live.callersWaiting() == 0 ? getTranslation("telephony.wallboard.waiting-none")
						: getTranslation("telephony.wallboard.waiting-longest", Math.round(live.longestWaitSeconds())),
				live.longestWaitSeconds() > 20 ? Tile.Tone.BAD : Tile.Tone.NEUTRAL);

		CallStats day = round.today().day();
		CallStats half = round.today().halfDays().stream()
				.filter(s -> !now.isBefore(s.start()) && now.isBefore(s.end())).findFirst().orElse(null);
		rate(todayTile, day);
		rate(halfTile, half);
		abandonedTile.show(day.abandoned() + " / " + day.timedOut(), getTranslation("telephony.wallboard.abandoned-note"),
				Tile.Tone.NEUTRAL);
		refusedTile.show(String.valueOf(day.refused()), getTranslation("telephony.wallboard.refused-note"),
				day.refused() > 0 ? Tile.Tone.BAD : Tile.Tone.NEUTRAL);
		// emptied rather than hidden: a hidden element would leave the TV's grid rows one short
		gap.setText(day.gap() ? getTranslation("telephony.wallboard.gap") : "");

		WallboardCharts.Svg svg = charts.of(round.today(), now,
				tv ? WallboardCharts.Size.TV : WallboardCharts.Size.CONSOLE);
		if (svg.answerRate() != rateShown) { // the same drawing is the same string: nothing to send
			rateChart.getElement().setProperty("innerHTML", fit(svg.answerRate()));
			rateShown = svg.answerRate();
		}
		if (svg.calls() != callsShown) {
			callsChart.getElement().setProperty("innerHTML", fit(svg.calls()));
			callsShown = svg.calls();
		}

		if (tv) {
			agentCards.removeAll();
			round.agents().forEach(a -> agentCards.add(card(a)));
		} else {
			memberGrid.setItems(round.agents());
		}
	}

	private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter
			.ofPattern(":ss");

	/** On the TV a chart fills the height it is given; elsewhere it takes the width and its own height. */
	private String fit(String svg) {
		return tv ? svg.replaceFirst("<svg ", "<svg style=\"height:100%;display:block\" ") : svg;
	}

	private void rate(Tile tile, CallStats stats) {
		if (stats == null || stats.answerRate() == null) {
			tile.show("—", stats == null ? "" : getTranslation("telephony.wallboard.rate-none", definition(stats.definition())),
					Tile.Tone.NEUTRAL);
			return;
		}
		String value = String.format(Locale.ROOT, "%.1f%%", stats.answerRate() * 100);
		tile.show(value, getTranslation("telephony.wallboard.rate-note", stats.answered(), stats.received(),
				definition(stats.definition())),
				Boolean.TRUE.equals(stats.meetsTarget()) ? Tile.Tone.GOOD : Tile.Tone.BAD);
	}

	/** The answer-rate definition by its Japanese name where it has one (the configured name otherwise). */
	private String definition(String name) {
		String key = "telephony.definition." + name;
		String label = getTranslation(key);
		return label.equals("!" + key + "!") ? name : label;
	}

	private Div card(WallboardSource.Agent agent) {
		Span name = new Span(agent.name());
		name.getStyle().set("font-weight", "700").set("font-size", "clamp(16px, 1.5vw, 34px)");
		Span state = activity(agent.state());
		state.getStyle().set("font-size", "clamp(14px, 1.2vw, 28px)");
		Span detail = new Span(getTranslation("telephony.wallboard.card", since(agent.state().since(), Instant.now()),
				agent.state().callsTaken()));
		detail.getStyle().set("font-size", "clamp(12px, 1vw, 22px)").set("color", "var(--lumo-secondary-text-color)");
		Div card = new Div(name, state, detail);
		card.addClassName("wallboard-agent");
		card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "0.3vh")
				.set("padding", "0.6vh 1vw").set("border", "1px solid var(--lumo-contrast-20pct)")
				.set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "12vw");
		return card;
	}

	private static Span activity(QueueMemberState m) {
		var badge = new Span(m.activity().label());
		badge.getElement().getThemeList().add("badge");
		switch (m.activity()) {
			case AVAILABLE -> badge.getElement().getThemeList().add("success");
			case IN_CALL, RINGING -> badge.getElement().getThemeList().add("primary");
			case PAUSED, BUSY -> badge.getElement().getThemeList().add("contrast");
			case UNAVAILABLE -> badge.getElement().getThemeList().add("error");
		}
		return badge;
	}

	private String since(Instant since, Instant now) {
		if (since == null) {
			return "";
		}
		long s = Math.max(0, Duration.between(since, now).getSeconds());
		return s < 60 ? getTranslation("telephony.wallboard.seconds", s)
				: s < 3600 ? getTranslation("telephony.wallboard.minutes", s / 60, s % 60)
						: getTranslation("telephony.wallboard.hours", s / 3600, s % 3600 / 60);
	}

	/** A figure with its caption and a colour against its target. */
	static final class Tile extends Div {

		enum Tone {
			GOOD, BAD, NEUTRAL
		}

		private final Span value = new Span();
		private final Span note = new Span();

		Tile(String caption, String id, boolean tv) {
			setId(id);
			var title = new Span(caption);
			title.getStyle().set("font-size", tv ? "clamp(12px, 1.1vw, 26px)" : "var(--lumo-font-size-s)")
					.set("color", "var(--lumo-secondary-text-color)").set("font-weight", "600");
			if (tv) { // one line each, so that the six figures stand level
				title.getStyle().set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis");
			}
			value.addClassName("wallboard-value");
			value.getStyle().set("font-size", tv ? "clamp(26px, 3.6vw, 84px)" : "2.2rem").set("font-weight", "700")
					.set("line-height", "1.15").set("font-variant-numeric", "tabular-nums").set("white-space", "nowrap");
			note.getStyle().set("font-size", tv ? "clamp(11px, 0.95vw, 22px)" : "var(--lumo-font-size-s)");
			add(title, value, note);
			getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "0")
					.set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
					.set("padding", tv ? "0.8vh 0.8vw" : "var(--lumo-space-s) var(--lumo-space-m)");
		}

		void show(String figure, String caption, Tone tone) {
			value.setText(figure);
			note.setText(caption);
			value.getStyle().set("color", switch (tone) {
				case GOOD -> "var(--lumo-success-text-color)";
				case BAD -> "var(--lumo-error-text-color)";
				case NEUTRAL -> "var(--lumo-body-text-color)";
			});
			getElement().setAttribute("data-tone", tone.name().toLowerCase(Locale.ROOT));
		}
	}
}
