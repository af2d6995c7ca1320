package jp.ikiiki.desk.reports.internal;

import jp.ikiiki.desk.shared.JapanTime;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.shared.JapaneseDates;

/**
 * What a report shows, in what order, with which labels: the one layout the XLSX and the PDF both render, so that
 * the two files always agree. Pure.
 */
public final class ReportLayout {

	/** How a column's values are written. */
	public enum Kind {
		/** Text as is. */
		TEXT,
		/** A count: 1,234. */
		COUNT,
		/** A share 0..1: 93.5%. */
		PERCENT,
		/** Seconds: 12.3. */
		SECONDS
	}

	public record Column(String header, Kind kind, int width) {
	}

	/**
	 * A table.
	 *
	 * @param title     its heading
	 * @param columns   its columns
	 * @param rows      values per row: String, Long, Double or null (shown as —)
	 * @param totalRow  true if the last row is a total (bold)
	 * @param highlight per row, true to mark it (below the target or in a gap)
	 * @param note      a line under the heading, or null
	 */
	public record Table(String title, List<Column> columns, List<List<Object>> rows, boolean totalRow,
			List<Boolean> highlight, String note) {
	}

	/**
	 * The whole report.
	 *
	 * @param sheetName the XLSX sheet's name
	 * @param title     e.g. コールセンター日報
	 * @param period    e.g. 令和8年11月24日（火）
	 * @param headline  received, answered, answer rate and the verdict against the target
	 * @param lines     header lines under the title (definition, generated at)
	 * @param warning   the gap warning, or null
	 * @param tables    the call figures, in order (same columns but for the first's label)
	 * @param sections  the contributed sections, in order
	 */
	public record Layout(String sheetName, String title, String period, String headline, List<String> lines,
			String warning, List<Table> tables, List<Table> sections) {
	}

	static final String NONE = "—";
	static final String GAP_WARNING = "【注意】この期間に電話システムのデータ欠落（接続断・停止）があります。"
			+ "件数が実際より少ない可能性があります（欠落欄に「欠落」とある時間帯）。";

	private ReportLayout() {
	}

	/** The layout of a report. */
	public static Layout of(Report r) {
		boolean daily = r.kind() == ReportKind.DAILY;
		String title = "いきいきポイント・交通費助成 コールセンター" + r.kind().title();
		String period = daily ? eraDay(r.from()) : eraMonth(YearMonth.from(r.from()));
		List<String> lines = List.of(
				"応答率の定義: " + r.definition() + "（応答数 ÷ 受電数、目標 " + percent(r.target()) + " 以上、"
						+ r.serviceLevelSeconds() + "秒以内応答率を併記）",
				"作成: " + dateTime(r.generatedAt()) + "　集計対象: 開庁時間内（8:30〜17:15）の着信。時間外の着信は別掲");
		List<Table> tables = new ArrayList<>();
		tables.add(summary(r));
		if (daily) {
			tables.add(periods("時間帯別（午前・午後）", r.halfDays(), null, r.target()));
			tables.add(periods("時間別", r.hours(), null, r.target()));
		} else {
			tables.add(periods("日別", r.days(), total(r), r.target()));
		}
		List<Table> sections = r.sections().stream().map(ReportLayout::section).toList();
		return new Layout(daily ? "日報" : "月報", title, period, headline(r), lines, r.gap() ? GAP_WARNING : null,
				List.copyOf(tables), sections);
	}

	/** One row of the whole period's figures, labelled 終日 or 月計. */
	static Table summary(Report r) {
		Report.Figures t = total(r);
		Report.Figures all = new Report.Figures(t.period(), r.kind() == ReportKind.DAILY ? "終日" : "月計",
				t.received(), t.answered(), t.answerRate(), t.abandoned(), t.timedOut(), t.refused(), t.outOfHours(),
				t.averageWaitSeconds(), t.longestWaitSeconds(), t.answeredWithinShare(), t.gap());
		Table table = periods("集計", List.of(all), null, r.target());
		String note = r.excluded() > 0 ? "定義「" + r.definition() + "」により受電数から除外した短時間の放棄: "
				+ count(r.excluded()) + " 件" : null;
		return new Table(table.title(), table.columns(), table.rows(), false, table.highlight(), note);
	}

	/** 受電 120 件　応答 110 件　応答率 91.7%（目標 90.0% 以上: 達成） */
	static String headline(Report r) {
		String rate = r.answerRate() == null ? NONE : percent(r.answerRate());
		String verdict = r.meetsTarget() == null ? "受電なし" : r.meetsTarget() ? "達成" : "未達";
		return "受電 " + count(r.received()) + " 件　応答 " + count(r.answered()) + " 件　応答率 " + rate + "（目標 "
				+ percent(r.target()) + " 以上: " + verdict + "）";
	}

	/** Columns of a breakdown by half-day, hour or day. */
	static List<Column> periodColumns(String first) {
		return List.of(new Column(first, Kind.TEXT, 14), new Column("受電", Kind.COUNT, 8),
				new Column("応答", Kind.COUNT, 8), new Column("応答率", Kind.PERCENT, 9),
				new Column("放棄", Kind.COUNT, 7), new Column("タイム\nアウト", Kind.COUNT, 8),
				new Column("回線\n上限", Kind.COUNT, 7), new Column("時間外", Kind.COUNT, 7),
				new Column("平均待ち\n(秒)", Kind.SECONDS, 9), new Column("最長待ち\n(秒)", Kind.SECONDS, 9),
				new Column("20秒以内\n応答率", Kind.PERCENT, 9), new Column("データ", Kind.TEXT, 7));
	}

	static Table periods(String title, List<Report.Figures> figures, Report.Figures total, double target) {
		String first = title.startsWith("日別") ? "日" : title.startsWith("時間別") ? "時間" : "区分";
		List<List<Object>> rows = new ArrayList<>();
		List<Boolean> highlight = new ArrayList<>();
		List<Report.Figures> all = new ArrayList<>(figures);
		if (total != null) {
			all.add(total);
		}
		for (Report.Figures f : all) {
			rows.add(Arrays.asList(f.label(), f.received(), f.answered(), f.answerRate(), f.abandoned(), f.timedOut(),
					f.refused(), f.outOfHours(), f.averageWaitSeconds(), f.longestWaitSeconds(),
					f.answeredWithinShare(), f.gap() ? "欠落" : ""));
			highlight.add(f.gap() || (f.answerRate() != null && f.answerRate() < target));
		}
		return new Table(title, periodColumns(first), rows, total != null, highlight,
				"網掛けの行: 応答率が目標未満、または電話システムのデータ欠落を含む時間帯");
	}

	static Report.Figures total(Report r) {
		return new Report.Figures(r.period(), "合計", r.received(), r.answered(), r.answerRate(), r.abandoned(),
				r.timedOut(), r.refused(), r.outOfHours(), r.averageWaitSeconds(), r.longestWaitSeconds(),
				r.answeredWithinShare(), r.gap());
	}

	static Table section(Report.Section s) {
		boolean grouped = s.lines().stream().anyMatch(l -> l.group() != null && !l.group().isBlank());
		List<Column> columns = grouped
				? List.of(new Column("区分", Kind.TEXT, 24), new Column("項目", Kind.TEXT, 34), new Column("件数", Kind.COUNT, 10))
				: List.of(new Column("項目", Kind.TEXT, 58), new Column("件数", Kind.COUNT, 10));
		List<List<Object>> rows = new ArrayList<>();
		List<Boolean> highlight = new ArrayList<>();
		long sum = 0;
		for (ReportContribution.ReportLine line : s.lines()) {
			rows.add(grouped ? Arrays.asList(line.group() == null ? "" : line.group(), line.label(), line.count())
					: Arrays.asList(line.label(), line.count()));
			highlight.add(false);
			sum += line.count();
		}
		if (!s.lines().isEmpty()) {
			rows.add(grouped ? Arrays.asList("合計", "", sum) : Arrays.asList("合計", sum));
			highlight.add(false);
		}
		return new Table(s.title(), columns, rows, !s.lines().isEmpty(), highlight,
				s.error() != null ? s.error() : s.lines().isEmpty() ? "該当なし" : null);
	}

	/** A value as the PDF writes it. */
	public static String text(Kind kind, Object value) {
		if (value == null) {
			return NONE;
		}
		if (value instanceof String s) {
			return s;
		}
		return switch (kind) {
			case COUNT -> count(((Number) value).longValue());
			case PERCENT -> percent(((Number) value).doubleValue());
			case SECONDS -> oneDecimal(((Number) value).doubleValue());
			case TEXT -> String.valueOf(value);
		};
	}

	/** 1,234 */
	static String count(long n) {
		return new DecimalFormat("#,##0").format(n);
	}

	/** 93.5% (one decimal, rounded half-up as a reader would). */
	static String percent(double share) {
		return new java.math.BigDecimal(Double.toString(share * 100)).setScale(1, java.math.RoundingMode.HALF_UP)
				.toPlainString() + "%";
	}

	static String seconds(Double s) {
		return s == null ? NONE : oneDecimal(s) + " 秒";
	}

	/** 1,234.5, rounded half-up like the spreadsheet's format. */
	static String oneDecimal(double value) {
		DecimalFormat format = new DecimalFormat("#,##0.0");
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(new java.math.BigDecimal(Double.toString(value)));
	}

	/** 令和8年11月24日（火） */
	static String eraDay(LocalDate day) {
		return JapaneseDates.toEraKanji(day) + "（"
				+ day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.JAPANESE) + "）";
	}

	/** 令和8年11月 */
	static String eraMonth(YearMonth month) {
		String day = JapaneseDates.toEraKanji(month.atDay(1));
		return day.substring(0, day.indexOf('月') + 1);
	}

	static String dateTime(Instant instant) {
		var t = instant.atZone(JapanTime.ZONE);
		return JapaneseDates.toEraKanji(t.toLocalDate()) + " " + String.format("%d:%02d", t.getHour(), t.getMinute());
	}

}
