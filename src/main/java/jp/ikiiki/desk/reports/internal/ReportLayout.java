package jp.ikiiki.desk.reports.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.ReportContribution.Unit;
import jp.ikiiki.desk.reports.ReportDates;
import jp.ikiiki.desk.reports.ReportKind;

/**
 * What a report shows, in what order, with which labels: the one layout the XLSX and the PDF both render, so that
 * the two files always agree. Pure.
 *
 * <p>Totals: a breakdown's 合計 row is the report's own total of the period (the sum of its days or hours, as the
 * statistics computed it); a contributed section's 合計 is the sum of its {@link ReportLine.Part parts} only,
 * followed by its {@link ReportLine.Subset subsets} (「うち…」), which are not added; counts on their own and measures
 * (days, rates) are never totalled, and a section without parts has no 合計 row.
 */
public final class ReportLayout {

	/** How a value is written. */
	public enum Kind {
		/** Text as is. */
		TEXT,
		/** A count: 1,234. */
		COUNT,
		/** A count with its unit, in a column of mixed figures: 1,234 件. */
		CASES,
		/** A share 0..1: 93.5%. */
		PERCENT,
		/** Seconds: 12.3. */
		SECONDS,
		/** Calendar days: 3 日. */
		DAYS,
		/** Open days: 3 開庁日. */
		OPEN_DAYS
	}

	/** How a row is shown. */
	public enum Style {
		/** An ordinary row. */
		PLAIN,
		/** Below the target or in a gap of the telephony data: shaded. */
		MARKED,
		/** A 合計 row: bold, shaded. */
		TOTAL,
		/** A 「うち…」 row under a total: not part of it, shown in a lighter, indented style. */
		SUBSET
	}

	public record Column(String header, Kind kind, int width) {
	}

	/** A value written in its own kind rather than its column's (a section mixing counts and days). */
	public record Typed(Kind kind, Number value) {
	}

	/**
	 * A row of a table.
	 *
	 * @param values per column: String, Long, Double, {@link Typed} or null (shown as —)
	 * @param style  how it is shown
	 */
	public record Row(List<Object> values, Style style) {

		static Row of(Style style, Object... values) {
			return new Row(Arrays.asList(values), style);
		}
	}

	/**
	 * A table.
	 *
	 * @param title   its heading
	 * @param columns its columns
	 * @param rows    its rows
	 * @param note    a line under the heading, or null
	 */
	public record Table(String title, List<Column> columns, List<Row> rows, String note) {
	}

	/** What a chart shows. */
	public enum ChartType {
		/** The answer rate of each slot and the cumulative rate, against the target line. */
		ANSWER_RATE,
		/** Received calls per slot, split into answered and not answered. */
		CALLS
	}

	/**
	 * A chart: one point per half-hour (daily) or per day (monthly) that had begun when the report was made.
	 *
	 * @param title  its heading
	 * @param type   what it shows
	 * @param axis   the label of the horizontal axis
	 * @param points the slots, in order
	 * @param target the answer-rate target (0.9)
	 */
	public record Chart(String title, ChartType type, String axis, List<Point> points, double target) {
	}

	/** A slot of a chart: its label, 受電 and 応答. */
	public record Point(String label, long received, long answered) {
	}

	/**
	 * The whole report.
	 *
	 * @param sheetName the XLSX sheet's name
	 * @param title     e.g. コールセンター日報
	 * @param period    e.g. 令和8年11月24日（火）
	 * @param headline  received, answered, answer rate and the verdict against the target
	 * @param lines     header lines under the title (definition, generated at)
	 * @param progress  for a period still in progress, the sentence saying up to when it counts; else null
	 * @param warning   the gap warning, or null
	 * @param tables    the call figures, in order (same columns but for the first's label)
	 * @param charts    the charts, in order
	 * @param sections  the contributed sections, in order
	 */
	public record Layout(String sheetName, String title, String period, String headline, List<String> lines,
			String progress, String warning, List<Table> tables, List<Chart> charts, List<Table> sections) {
	}

	static final String NONE = "—";
	static final String TOTAL = "合計";
	static final String GAP_WARNING = "【注意】この期間に電話システムのデータ欠落（接続断・停止）があります。"
			+ "件数が実際より少ない可能性があります（欠落欄に「欠落」とある時間帯）。";

	private ReportLayout() {
	}

	/** The layout of a report. */
	public static Layout of(Report r) {
		boolean daily = r.kind() == ReportKind.DAILY;
		String title = "いきいきポイント・交通費助成 コールセンター" + r.kind().title();
		String period = ReportDates.period(r.kind(), r.from());
		List<String> lines = List.of(
				"応答率の定義: " + r.definition() + "（応答数 ÷ 受電数、目標 " + percent(r.target()) + " 以上、"
						+ r.serviceLevelSeconds() + "秒以内応答率を併記）",
				"作成: " + ReportDates.dateTime(r.generatedAt()) + "　集計対象: 開庁時間内（8:30〜17:15）の着信。時間外の着信は別掲");
		List<Table> tables = new ArrayList<>();
		tables.add(summary(r));
		List<Chart> charts = new ArrayList<>();
		if (daily) {
			tables.add(periods("時間帯別（午前・午後）", "区分", r.halfDays(), null, r.target()));
			tables.add(periods("時間別", "時間", r.hours(), null, r.target()));
			List<Point> points = points(r.halfHours());
			charts.add(new Chart("応答率の推移（30分ごと・累計）と目標 " + percent(r.target()), ChartType.ANSWER_RATE, "時刻",
					points, r.target()));
			charts.add(new Chart("30分ごとの受電数（応答・未応答）", ChartType.CALLS, "時刻", points, r.target()));
		} else {
			tables.add(periods("日別", "日", r.days(), total(r), r.target()));
			// The day of the month alone: the month is in the axis label, and a month of days must fit the width.
			List<Point> points = r.days().stream().map(f -> new Point(
					String.valueOf(java.time.LocalDate.parse(f.period()).getDayOfMonth()), f.received(), f.answered()))
					.toList();
			String axis = "日（" + r.from().getMonthValue() + "月）";
			charts.add(new Chart("日別の応答率（当日・月累計）と目標 " + percent(r.target()), ChartType.ANSWER_RATE, axis,
					points, r.target()));
			charts.add(new Chart("日別の受電数（応答・未応答）", ChartType.CALLS, axis, points, r.target()));
		}
		List<Table> sections = r.sections().stream().map(ReportLayout::section).toList();
		return new Layout(daily ? "日報" : "月報", title, period, headline(r), lines, progress(r),
				r.gap() ? GAP_WARNING : null, List.copyOf(tables), List.copyOf(charts), sections);
	}

	/**
	 * 【途中集計】 for a period still in progress: what it counts up to, and that later hours or days are not in it
	 * (they are not shown as zeros).
	 */
	static String progress(Report r) {
		if (r.complete()) {
			return null;
		}
		String asOf = ReportDates.dateTime(r.generatedAt());
		if (r.kind() == ReportKind.DAILY) {
			return "【途中集計】本日の業務中に作成した日報です。" + asOf + " までの着信を集計しています（これより後の時間帯は含みません）。";
		}
		return "【途中集計】月の途中で作成した月報です。" + r.from().getMonthValue() + "月" + r.from().getDayOfMonth() + "日から "
				+ asOf + " までの着信を集計しています（これより後の日は含みません）。";
	}

	/** One row of the whole period's figures, labelled 終日 or 月計. */
	static Table summary(Report r) {
		Report.Figures t = total(r);
		Report.Figures all = new Report.Figures(t.period(), r.kind() == ReportKind.DAILY ? "終日" : "月計",
				t.received(), t.answered(), t.answerRate(), t.abandoned(), t.timedOut(), t.refused(), t.outOfHours(),
				t.averageWaitSeconds(), t.longestWaitSeconds(), t.answeredWithinShare(), t.gap());
		Table table = periods("集計", "区分", List.of(all), null, r.target());
		String note = r.excluded() > 0 ? "定義「" + r.definition() + "」により受電数から除外した短時間の放棄: "
				+ count(r.excluded()) + " 件" : null;
		return new Table(table.title(), table.columns(), table.rows(), note);
	}

	/** 受電 120 件　応答 110 件　応答率 91.7%（目標 90.0% 以上: 達成） */
	static String headline(Report r) {
		String rate = r.answerRate() == null ? NONE : percent(r.answerRate());
		String verdict = r.meetsTarget() == null ? "受電なし" : r.meetsTarget() ? "達成" : "未達";
		return "受電 " + count(r.received()) + " 件　応答 " + count(r.answered()) + " 件　応答率 " + rate + "（目標 "
				+ percent(r.target()) + " 以上: " + verdict + (r.complete() ? "" : "、途中集計") + "）";
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

	static Table periods(String title, String first, List<Report.Figures> figures, Report.Figures total,
			double target) {
		List<Row> rows = new ArrayList<>();
		for (Report.Figures f : figures) {
			boolean marked = f.gap() || (f.answerRate() != null && f.answerRate() < target);
			rows.add(new Row(values(f), marked ? Style.MARKED : Style.PLAIN));
		}
		if (total != null) {
			rows.add(new Row(values(total), Style.TOTAL));
		}
		return new Table(title, periodColumns(first), List.copyOf(rows),
				"網掛けの行: 応答率が目標未満、または電話システムのデータ欠落を含む時間帯");
	}

	private static List<Object> values(Report.Figures f) {
		return Arrays.asList(f.label(), f.received(), f.answered(), f.answerRate(), f.abandoned(), f.timedOut(),
				f.refused(), f.outOfHours(), f.averageWaitSeconds(), f.longestWaitSeconds(), f.answeredWithinShare(),
				f.gap() ? "欠落" : "");
	}

	static Report.Figures total(Report r) {
		return new Report.Figures(r.period(), TOTAL, r.received(), r.answered(), r.answerRate(), r.abandoned(),
				r.timedOut(), r.refused(), r.outOfHours(), r.averageWaitSeconds(), r.longestWaitSeconds(),
				r.answeredWithinShare(), r.gap());
	}

	private static List<Point> points(List<Report.Figures> figures) {
		return figures.stream().map(f -> new Point(f.label(), f.received(), f.answered())).toList();
	}

	/**
	 * A contributed section: its parts, their 合計, the subsets of that total, then counts on their own and measures,
	 * each in the order the module gave them.
	 */
	static Table section(Report.Section s) {
		boolean grouped = s.lines().stream().anyMatch(l -> l.group() != null && !l.group().isBlank());
		boolean countsOnly = s.lines().stream().noneMatch(l -> l instanceof ReportLine.Measure);
		Column value = countsOnly ? new Column("件数", Kind.COUNT, 10) : new Column("数値", Kind.COUNT, 12);
		List<Column> columns = grouped
				? List.of(new Column("区分", Kind.TEXT, 24), new Column("項目", Kind.TEXT, 34), value)
				: List.of(new Column("項目", Kind.TEXT, 58), value);
		List<Row> parts = new ArrayList<>();
		List<Row> subsets = new ArrayList<>();
		List<Row> others = new ArrayList<>();
		for (ReportLine line : s.lines()) {
			if (line instanceof ReportLine.Part p) {
				parts.add(row(grouped, p.group(), p.label(), cell(countsOnly, p.count()), Style.PLAIN));
			} else if (line instanceof ReportLine.Subset u) {
				// Under the total, in the first column, so that it reads as 「合計のうち…」.
				Object count = cell(countsOnly, u.count());
				subsets.add(!grouped ? Row.of(Style.SUBSET, u.label(), count)
						: u.group() == null ? Row.of(Style.SUBSET, u.label(), "", count)
								: Row.of(Style.SUBSET, u.group(), u.label(), count));
			} else if (line instanceof ReportLine.Count c) {
				others.add(row(grouped, c.group(), c.label(), cell(countsOnly, c.count()), Style.PLAIN));
			} else if (line instanceof ReportLine.Measure m) {
				others.add(row(grouped, m.group(), m.label(), new Typed(kindOf(m.unit()), m.value()), Style.PLAIN));
			}
		}
		List<Row> rows = new ArrayList<>(parts);
		Long total = s.total();
		if (total != null) {
			rows.add(row(grouped, TOTAL, "", cell(countsOnly, total), Style.TOTAL));
		}
		rows.addAll(subsets);
		rows.addAll(others);
		String note = s.error() != null ? s.error() : s.lines().isEmpty() ? "該当なし" : null;
		return new Table(s.title(), columns, List.copyOf(rows), note);
	}

	private static Object cell(boolean countsOnly, long count) {
		return countsOnly ? (Object) count : new Typed(Kind.CASES, count);
	}

	private static Row row(boolean grouped, String group, String label, Object value, Style style) {
		return grouped ? Row.of(style, group == null ? "" : group, label, value) : Row.of(style, label, value);
	}

	static Kind kindOf(Unit unit) {
		return switch (unit) {
			case DAYS -> Kind.DAYS;
			case OPEN_DAYS -> Kind.OPEN_DAYS;
			case SHARE -> Kind.PERCENT;
			case SECONDS -> Kind.SECONDS;
		};
	}

	/** The kind a value is written in: its own if {@link Typed}, else its column's. */
	public static Kind kindOf(Column column, Object value) {
		return value instanceof Typed t ? t.kind() : column.kind();
	}

	/** A value as the PDF writes it. */
	public static String text(Kind kind, Object value) {
		if (value instanceof Typed t) {
			return text(t.kind(), t.value());
		}
		if (value == null) {
			return NONE;
		}
		if (value instanceof String s) {
			return s;
		}
		double n = ((Number) value).doubleValue();
		return switch (kind) {
			case COUNT -> count(((Number) value).longValue());
			case CASES -> count(((Number) value).longValue()) + " 件";
			case PERCENT -> percent(n);
			case SECONDS -> oneDecimal(n);
			case DAYS -> whole(n) + " 日";
			case OPEN_DAYS -> whole(n) + " 開庁日";
			case TEXT -> String.valueOf(value);
		};
	}

	/** The spreadsheet number format of a kind, or null for text. */
	public static String numberFormat(Kind kind) {
		return switch (kind) {
			case COUNT -> "#,##0";
			case CASES -> "#,##0\" 件\"";
			case PERCENT -> "0.0%";
			case SECONDS -> "#,##0.0";
			case DAYS -> "#,##0\" 日\"";
			case OPEN_DAYS -> "#,##0\" 開庁日\"";
			case TEXT -> null;
		};
	}

	/** 1,234 */
	static String count(long n) {
		return new DecimalFormat("#,##0").format(n);
	}

	/** 3, or 2.5 for a value that is not whole. */
	private static String whole(double n) {
		return n == Math.rint(n) ? count((long) n) : oneDecimal(n);
	}

	/** 93.5% (one decimal, rounded half-up as a reader would). */
	static String percent(double share) {
		return new BigDecimal(Double.toString(share * 100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** 1,234.5, rounded half-up like the spreadsheet's format. */
	static String oneDecimal(double value) {
		DecimalFormat format = new DecimalFormat("#,##0.0");
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(new BigDecimal(Double.toString(value)));
	}
}
