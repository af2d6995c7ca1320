package jp.ikiiki.desk.telephony.ui;

import jp.ikiiki.desk.shared.JapanTime;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.LinesNow;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.QueueMembers;
import jp.ikiiki.desk.telephony.StatsPeriod;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import jp.ikiiki.desk.telephony.TelephonyStatus;

/**
 * ウォールボード (issue 3 point 8): lines in force and in use, callers waiting and the longest wait, today's and
 * this half-day's answer rate against 90 %, abandoned, timed-out and refused calls, and every queue member's
 * state. Pushed to the browser shortly after each AMI event and every second.
 */
@Route("wallboard")
@PageTitle("ウォールボード | いきいきデスク")
@Menu(order = 25, title = "ウォールボード")
@RolesAllowed({ "FLOOR_MANAGER", "AGENT", "CITY_STAFF" })
class WallboardView extends VerticalLayout {
	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy/M/d HH:mm:ss").withZone(JapanTime.ZONE);
	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("M/d HH:mm").withZone(JapanTime.ZONE);

	private final TelephonyStatus telephony;
	private final LinePlans lines;
	private final CallCentreNow calls;
	private final CallStatistics statistics;
	private final QueueMembers members;
	private final WallboardFeed feed;
	private final String queue;

	private final Span connection = new Span();
	private final Span clock = new Span();
	private final Span gap = new Span();
	private final Tile lineTile = new Tile("回線（使用中／上限）", "wallboard-lines");
	private final Tile waitingTile = new Tile("待ち呼（最長待ち時間）", "wallboard-waiting");
	private final Tile todayTile = new Tile("本日の応答率", "wallboard-rate-today");
	private final Tile halfTile = new Tile("この半日の応答率", "wallboard-rate-halfday");
	private final Tile abandonedTile = new Tile("本日の放棄／タイムアウト", "wallboard-abandoned");
	private final Tile refusedTile = new Tile("本日の話中（回線超過）", "wallboard-refused");
	private final Grid<QueueMemberState> memberGrid = new Grid<>(QueueMemberState.class, false);
	private Runnable unsubscribe;

	WallboardView(TelephonyStatus telephony, LinePlans lines, CallCentreNow calls, CallStatistics statistics,
			QueueMembers members, WallboardFeed feed, TelephonyProperties properties) {
		this.telephony = telephony;
		this.lines = lines;
		this.calls = calls;
		this.statistics = statistics;
		this.members = members;
		this.feed = feed;
		this.queue = properties.queue();
		setSizeFull();

		connection.setId("wallboard-connection");
		clock.setId("wallboard-clock");
		gap.setId("wallboard-gap");
		gap.getStyle().set("color", "var(--lumo-error-text-color)");
		var header = new HorizontalLayout(new H2("ウォールボード"), connection, clock);
		header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
		add(header, gap);

		var tiles = new FlexLayout(lineTile, waitingTile, todayTile, halfTile, abandonedTile, refusedTile);
		tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		tiles.getStyle().set("gap", "var(--lumo-space-m)");
		add(tiles);

		memberGrid.setId("wallboard-members");
		memberGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
		memberGrid.addColumn(QueueMemberState::name).setHeader("担当者").setAutoWidth(true);
		memberGrid.addComponentColumn(m -> activity(m)).setHeader("状態").setAutoWidth(true);
		memberGrid.addColumn(m -> since(m.since())).setHeader("経過").setAutoWidth(true);
		memberGrid.addColumn(QueueMemberState::callsTaken).setHeader("応答件数").setAutoWidth(true);
		memberGrid.addColumn(m -> m.pausedReason() == null ? "" : m.pausedReason()).setHeader("休止理由").setAutoWidth(true);
		memberGrid.setAllRowsVisible(true);
		add(memberGrid);
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
		Instant now = Instant.now();
		clock.setText(CLOCK.format(now));

		TelephonyStatus.Status status = telephony.status();
		connection.setText(switch (status.state()) {
			case CONNECTED -> "電話システム接続中";
			case RECONNECTING -> "電話システム再接続中（" + since(status.since()) + "）";
			case DISCONNECTED -> "電話システム未接続";
		});
		connection.getElement().getThemeList().set("badge", true);
		connection.getElement().getThemeList().set("success", status.state() == TelephonyStatus.State.CONNECTED);
		connection.getElement().getThemeList().set("error", status.state() != TelephonyStatus.State.CONNECTED);

		LinesNow lineNow = lines.now();
		CallCentreNow.Snapshot live = calls.now();
		lineTile.show(live.linesInUse() + " / " + lineNow.limit(),
				lineNow.overrideUntil() != null ? "臨時変更中（" + UNTIL.format(lineNow.overrideUntil()) + " まで）"
						: lineNow.open() ? "" : "閉庁時間",
				lineNow.limit() > 0 && live.linesInUse() >= lineNow.limit() ? Tile.Tone.BAD : Tile.Tone.NEUTRAL);
		waitingTile.show(live.callersWaiting() + " 件", live.callersWaiting() == 0 ? ""
				: "最長 " + Math.round(live.longestWaitSeconds()) + " 秒",
				live.longestWaitSeconds() > 20 ? Tile.Tone.BAD : Tile.Tone.NEUTRAL);

		LocalDate today = LocalDate.ofInstant(now, JapanTime.ZONE);
		Today figures = feed.shared(() -> new Today(statistics.stats(today, today, StatsPeriod.DAY, null).get(0),
				statistics.stats(today, today, StatsPeriod.HALF_DAY, null)));
		if (!figures.day().period().equals(today.toString())) { // the round began before midnight
			figures = new Today(statistics.stats(today, today, StatsPeriod.DAY, null).get(0),
					statistics.stats(today, today, StatsPeriod.HALF_DAY, null));
		}
		CallStats day = figures.day();
		CallStats half = figures.halves().stream()
				.filter(s -> !now.isBefore(s.start()) && now.isBefore(s.end())).findFirst().orElse(null);
		rate(todayTile, day);
		rate(halfTile, half);
		abandonedTile.show(day.abandoned() + " / " + day.timedOut(), "件", Tile.Tone.NEUTRAL);
		refusedTile.show(String.valueOf(day.refused()), "件", day.refused() > 0 ? Tile.Tone.BAD : Tile.Tone.NEUTRAL);
		gap.setText(day.gap() ? "本日は電話システムのデータに欠落があります。数値が不完全な可能性があります。" : "");
		gap.setVisible(day.gap());

		List<QueueMemberState> shown = members.members().stream().filter(m -> queue.equals(m.queue())).toList();
		memberGrid.setItems(shown);
	}

	private static void rate(Tile tile, CallStats stats) {
		if (stats == null || stats.answerRate() == null) {
			tile.show("—", stats == null ? "" : "受電 0 件（" + stats.definition() + "）", Tile.Tone.NEUTRAL);
			return;
		}
		String value = String.format("%.1f%%", stats.answerRate() * 100);
		tile.show(value, "応答 " + stats.answered() + " / 受電 " + stats.received() + "（目標 90%・" + stats.definition() + "）",
				Boolean.TRUE.equals(stats.meetsTarget()) ? Tile.Tone.GOOD : Tile.Tone.BAD);
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

	private static String since(Instant since) {
		if (since == null) {
			return "";
		}
		long s = Math.max(0, Duration.between(since, Instant.now()).getSeconds());
		return s < 60 ? s + "秒" : s < 3600 ? (s / 60) + "分" + (s % 60) + "秒" : (s / 3600) + "時間" + (s % 3600 / 60) + "分";
	}

	/** Today's figures, shared by the wallboards of one refresh round. */
	private record Today(CallStats day, List<CallStats> halves) {
	}

	/** A figure with its caption and a colour against its target. */
	static final class Tile extends Div {

		enum Tone {
			GOOD, BAD, NEUTRAL
		}

		private final Span value = new Span();
		private final Span note = new Span();

		Tile(String caption, String id) {
			setId(id);
			var title = new Span(caption);
			title.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
			value.addClassName("wallboard-value");
			value.getStyle().set("font-size", "2.6rem").set("font-weight", "700").set("line-height", "1.2");
			note.getStyle().set("font-size", "var(--lumo-font-size-s)");
			var box = new VerticalLayout(title, value, note);
			box.setPadding(false);
			box.setSpacing(false);
			add(box);
			getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
					.set("padding", "var(--lumo-space-m)").set("min-width", "14rem");
		}

		void show(String figure, String caption, Tone tone) {
			value.setText(figure);
			note.setText(caption);
			value.getStyle().set("color", switch (tone) {
				case GOOD -> "var(--lumo-success-text-color)";
				case BAD -> "var(--lumo-error-text-color)";
				case NEUTRAL -> "var(--lumo-body-text-color)";
			});
			getElement().setAttribute("data-tone", tone.name().toLowerCase(java.util.Locale.ROOT));
		}
	}
}
