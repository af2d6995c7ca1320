package jp.ikiiki.desk.deliverables.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.deliverables.DeliverableFile;

import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.deliverables.WorkReport;
import jp.ikiiki.desk.deliverables.WorkReportKpi;
import jp.ikiiki.desk.deliverables.WorkReports;
import jp.ikiiki.desk.escalations.EscalationCase;
import jp.ikiiki.desk.escalations.Escalations;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the monthly work report (第1章5(1)) from the data: call figures from telephony's raw records (第6章1(4),
 * 第6章2 ※1), escalations and their age (第6章1(3)), deliverables delivered by their due date (第9章1(2)); the KPIs of
 * other modules through {@link WorkReportKpi}, 「データなし」 without one.
 */
@Service
class WorkReportService implements WorkReports {

	static final String ANSWER_RATE = "ANSWER_RATE";
	static final String CALLS = "CALLS";
	static final String ESCALATIONS = "ESCALATIONS";
	static final String DELIVERABLES_ON_TIME = "DELIVERABLES_ON_TIME";

	/** Title, clause and target of every KPI the report lists, in its order. */
	record Definition(String key, String title, String clause, String target) {
	}

	static final List<Definition> DEFINITIONS = List.of(
			new Definition(ANSWER_RATE, "応答率", "第6章2 ※1", "各開庁日 90%以上"),
			new Definition(CALLS, "受電数・応答数", "第6章1(4)", "（設定なし）"),
			new Definition(ESCALATIONS, "エスカレーション（市への確認）", "第6章1(3)", "（設定なし）"),
			new Definition("MAILINGS_ON_SCHEDULE", "発送スケジュールどおりの発送", "第4章1(2)", "100%"),
			new Definition("NOTICES_WITHIN_MONTH", "受付から1か月以内の獲得ポイント通知", "第8章", "100%"),
			new Definition("PAYMENTS_BY_DEADLINE", "期限内の支払", "第8章4–6", "100%"),
			new Definition("KEYING_ERROR_RATE", "データ入力の誤り率（ベリファイで発見）", "第10章1", "（設定なし）"),
			new Definition(DELIVERABLES_ON_TIME, "提出データの期限内納品", "第9章1(2)", "100%"));

	private final CallStatistics calls;
	private final Escalations escalations;
	/** Lazily: the deliverables calendar lists the work report itself among its kinds. */
	private final ObjectProvider<Deliverables> deliverables;
	private final Map<String, WorkReportKpi> providers = new LinkedHashMap<>();
	private final BusinessCalendar calendar;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	WorkReportService(CallStatistics calls, Escalations escalations, ObjectProvider<Deliverables> deliverables,
			List<WorkReportKpi> kpis, BusinessCalendar calendar, JdbcClient jdbc, AuditTrail audit,
			ObjectProvider<Clock> clock) {
		this.calls = calls;
		this.escalations = escalations;
		this.deliverables = deliverables;
		kpis.forEach(k -> providers.put(k.key(), k));
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public WorkReport report(YearMonth month) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, JapanTime.ZONE);
		if (month == null || month.isAfter(YearMonth.from(today)) || month.getYear() < 2000) {
			throw new InvalidInputException("month", "作業報告書は2000年以降、今月までの月について作成できます。");
		}
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
		boolean complete = today.isAfter(month.atEndOfMonth());
		List<CallStats> daily = calls.stats(from, to, StatsPeriod.DAY, null);
		String definition = daily.isEmpty() ? null : daily.get(0).definition();
		List<WorkReport.Day> days = new ArrayList<>();
		for (CallStats s : daily) {
			LocalDate d = LocalDate.parse(s.period());
			if (calendar.isOpenDay(d)) {
				days.add(new WorkReport.Day(d, s.received(), s.answered(), s.answerRate()));
			}
		}
		long[] hourReceived = new long[24];
		long[] hourAnswered = new long[24];
		for (CallStats s : calls.stats(from, to, StatsPeriod.HOUR, null)) {
			int h = Integer.parseInt(s.period().substring(s.period().indexOf('T') + 1, s.period().indexOf('T') + 3));
			hourReceived[h] += s.received();
			hourAnswered[h] += s.answered();
		}
		List<WorkReport.Hour> hours = new ArrayList<>();
		for (int h = 8; h <= 17; h++) {
			hours.add(new WorkReport.Hour(h, hourReceived[h], hourAnswered[h]));
		}
		Map<String, WorkReport.Actual> actuals = new LinkedHashMap<>();
		actuals.put(ANSWER_RATE, answerRate(days));
		actuals.put(CALLS, calls(days));
		actuals.put(ESCALATIONS, escalations(month, to));
		actuals.put(DELIVERABLES_ON_TIME, deliverablesOnTime(month, today));
		for (String key : EXTERNAL_KPIS) {
			WorkReportKpi p = providers.get(key);
			actuals.put(key, p == null ? null : p.actual(month).orElse(null));
		}
		Map<String, Note> notes = notes(month);
		List<WorkReport.Kpi> kpis = new ArrayList<>();
		for (Definition d : DEFINITIONS) {
			Note n = notes.getOrDefault(d.key(), Note.EMPTY);
			kpis.add(new WorkReport.Kpi(d.key(), d.title(), d.clause(), d.target(), actuals.get(d.key()), n.done(),
					n.next(), n.draft()));
		}
		return new WorkReport(month.toString(), complete, now, definition, kpis, days, hours);
	}

	/** Achieved when every open day with calls kept 90 % (第6章2 ※1: 9割を下回らない). */
	static WorkReport.Actual answerRate(List<WorkReport.Day> days) {
		long received = days.stream().mapToLong(WorkReport.Day::received).sum();
		long answered = days.stream().mapToLong(WorkReport.Day::answered).sum();
		if (received == 0) {
			return new WorkReport.Actual("受電なし", null, null);
		}
		double rate = (double) answered / received;
		long withCalls = days.stream().filter(d -> d.answerRate() != null).count();
		long below = days.stream().filter(d -> d.answerRate() != null && d.answerRate() < CallStatistics.TARGET).count();
		return new WorkReport.Actual(String.format("月間 %.1f%%（90%%未満の日 %d日／受電のあった開庁日 %d日）", rate * 100,
				below, withCalls), rate, below == 0);
	}

	static WorkReport.Actual calls(List<WorkReport.Day> days) {
		long received = days.stream().mapToLong(WorkReport.Day::received).sum();
		long answered = days.stream().mapToLong(WorkReport.Day::answered).sum();
		return new WorkReport.Actual(String.format("受電 %,d件／応答 %,d件", received, answered), (double) received, null);
	}

	/** Opened and closed in the month, still open at its end, and the oldest of those in open days. */
	private WorkReport.Actual escalations(YearMonth month, LocalDate to) {
		Instant start = month.atDay(1).atStartOfDay(JapanTime.ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant();
		List<EscalationCase> cases = escalations.list(null, false, "作業報告書");
		long opened = cases.stream().filter(c -> within(c.opened().at(), start, end)).count();
		long closed = cases.stream().filter(c -> c.closed() != null && within(c.closed().at(), start, end)).count();
		List<EscalationCase> open = cases.stream().filter(c -> c.opened().at().isBefore(end)
				&& (c.closed() == null || !c.closed().at().isBefore(end))).toList();
		int oldest = 0;
		for (EscalationCase c : open) {
			oldest = Math.max(oldest, openDaysBetween(LocalDate.ofInstant(c.opened().at(), JapanTime.ZONE), to));
		}
		return new WorkReport.Actual(String.format("新規 %d件／完了 %d件／月末未完了 %d件（最長 %d開庁日）", opened, closed,
				open.size(), oldest), (double) open.size(), null);
	}

	/** Deliverables (of kinds a module generates) due in the month and delivered on or before their due day. */
	private WorkReport.Actual deliverablesOnTime(YearMonth month, LocalDate today) {
		List<DeliverablePeriod> due = deliverables.getObject().month(month).stream()
				.filter(p -> p.provided() && !p.due().isAfter(today)).toList();
		if (due.isEmpty()) {
			return new WorkReport.Actual("期限を迎えた提出データなし", null, null);
		}
		long onTime = due.stream().filter(p -> p.deliveredAt() != null
				&& !LocalDate.ofInstant(p.deliveredAt(), JapanTime.ZONE).isAfter(p.due())).count();
		double share = (double) onTime / due.size();
		return new WorkReport.Actual(String.format("%d件中 %d件（%.1f%%）", due.size(), onTime, share * 100), share,
				onTime == due.size());
	}

	/** Open days after {@code from} up to and including {@code to}. */
	int openDaysBetween(LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (calendar.isOpenDay(d)) {
				n++;
			}
		}
		return n;
	}

	private static boolean within(Instant at, Instant start, Instant end) {
		return at != null && !at.isBefore(start) && at.isBefore(end);
	}

	record Note(String done, String next, boolean draft) {
		static final Note EMPTY = new Note("", "", false);
	}

	/** The month's texts; a KPI without one takes the latest earlier month's, as a draft. */
	Map<String, Note> notes(YearMonth month) {
		Map<String, Note> notes = new LinkedHashMap<>();
		jdbc.sql("select distinct on (kpi) kpi, month, done, next from work_report_note where month <= :m "
				+ "order by kpi, month desc").param("m", month.toString())
				.query((rs, n) -> notes.put(rs.getString("kpi"), new Note(rs.getString("done"), rs.getString("next"),
						!rs.getString("month").equals(month.toString()))))
				.list();
		return notes;
	}

	@Override
	public DeliverableFile file(YearMonth month, String format, String channel) {
		WorkReport report = report(month);
		DeliverableFile file = switch (format == null ? "" : format) {
			case "xlsx" -> new DeliverableFile("作業報告書_" + month + ".xlsx", DeliverableFile.XLSX,
					WorkReportFiles.xlsx(report));
			case "pdf" -> new DeliverableFile("作業報告書_" + month + ".pdf", DeliverableFile.PDF,
					WorkReportFiles.pdf(report));
			default -> throw new InvalidInputException("format", "形式は json、xlsx、pdf のいずれかを指定してください。");
		};
		audit.recordFile(AuditAction.EXPORT, channel, file.fileName(), "作業報告書 " + month);
		return file;
	}

	@Override
	public void saveNote(YearMonth month, String kpi, String done, String next) {
		if (DEFINITIONS.stream().noneMatch(d -> d.key().equals(kpi))) {
			throw new InvalidInputException("kpi", "指定のKPIはありません。");
		}
		String d = done == null ? "" : done.strip();
		String n = next == null ? "" : next.strip();
		if (d.length() > 4000 || n.length() > 4000) {
			throw new InvalidInputException(d.length() > 4000 ? "done" : "next", "4,000文字以内で入力してください。");
		}
		jdbc.sql("insert into work_report_note (month, kpi, done, next, updated_by, updated_at) values (:m, :k, :d, :n, "
				+ ":by, :at) on conflict (month, kpi) do update set done = excluded.done, next = excluded.next, "
				+ "updated_by = excluded.updated_by, updated_at = excluded.updated_at").param("m", month.toString())
				.param("k", kpi).param("d", d).param("n", n).param("by", CurrentUser.name())
				.param("at", java.sql.Timestamp.from(clock.instant())).update();
		audit.recordFile(AuditAction.UPDATE, "作業報告書", null, "作業報告書の記述 " + month + " " + kpi);
	}

}
