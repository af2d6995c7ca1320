package jp.ikiiki.desk.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.reports.Report;
import jp.ikiiki.desk.reports.ReportContribution;
import jp.ikiiki.desk.reports.ReportContribution.ReportLine;
import jp.ikiiki.desk.reports.ReportKind;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Computes a report's content from the call statistics (the named definition and the gap flag come from them) and
 * the contributed sections. Runs under the caller's authentication (a user, or the system for the schedule).
 *
 * <p>A period still in progress when the report is made (today; the current month) is reported up to that moment:
 * hours, half-hours and days that had not begun are not listed — a future day is not a day without calls — and the
 * report is marked incomplete.
 */
@Component
public class ReportBuilder {

	private static final Logger log = LoggerFactory.getLogger(ReportBuilder.class);

	private final CallStatistics statistics;
	private final ObjectProvider<ReportContribution> contributions;
	private final BusinessCalendar calendar;
	private final ReportsProperties properties;
	private final Clock clock;

	ReportBuilder(CallStatistics statistics, ObjectProvider<ReportContribution> contributions,
			BusinessCalendar calendar, ReportsProperties properties, ObjectProvider<Clock> clock) {
		this.statistics = statistics;
		this.contributions = contributions;
		this.calendar = calendar;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The daily report of a day (not in the future). */
	public Report daily(LocalDate day) {
		Instant now = clock.instant();
		String definition = properties.definition();
		CallStats total = statistics.stats(day, day, StatsPeriod.DAY, definition).get(0);
		List<Report.Figures> halfDays = statistics.stats(day, day, StatsPeriod.HALF_DAY, definition).stream()
				.filter(s -> begun(s, now)).map(s -> figures(s, s.period().endsWith("AM") ? "午前" : "午後")).toList();
		List<Report.Figures> hours = new ArrayList<>();
		for (CallStats s : statistics.stats(day, day, StatsPeriod.HOUR, definition)) {
			int hour = Integer.parseInt(s.period().substring(s.period().length() - 2));
			boolean opening = hour >= calendar.opens().getHour() && LocalTime.of(hour, 0).isBefore(calendar.closes());
			if (begun(s, now) && (opening || calls(s) > 0)) {
				hours.add(figures(s, hour + "時台"));
			}
		}
		List<Report.Figures> halfHours = new ArrayList<>();
		for (CallStats s : statistics.stats(day, day, StatsPeriod.HALF_HOUR, definition)) {
			LocalTime start = LocalTime.parse(s.period().substring(s.period().indexOf('T') + 1));
			// The half-hours of the opening hours: 8:30 to the one holding the closing (17:00–17:30).
			boolean opening = !start.isBefore(calendar.opens()) && start.isBefore(calendar.closes());
			if (opening && begun(s, now)) {
				halfHours.add(figures(s, start.getHour() + ":" + String.format("%02d", start.getMinute())));
			}
		}
		boolean complete = !now.isBefore(closing(day));
		return new Report(ReportKind.DAILY, day.toString(), day, day, complete, total.definition(), total.gap(),
				total.received(), total.answered(), total.answerRate(), total.target(), total.meetsTarget(),
				total.abandoned(), total.timedOut(), total.refused(), total.excluded(), total.outOfHours(),
				total.averageWaitSeconds(), total.longestWaitSeconds(), total.answeredWithinShare(),
				total.serviceLevelSeconds(), halfDays, List.copyOf(hours), List.copyOf(halfHours), List.of(),
				sections(day, day), now);
	}

	/**
	 * The monthly summary: a row per open day (and any closed day with calls) and the month's totals. For the
	 * current month, the days up to today only.
	 */
	public Report monthly(YearMonth month) {
		Instant now = clock.instant();
		LocalDate today = calendar.dateOf(now);
		LocalDate from = month.atDay(1);
		LocalDate end = month.atEndOfMonth();
		LocalDate to = end.isAfter(today) ? today : end;
		if (to.isBefore(from)) {
			throw new IllegalStateException("monthly summary of a future month " + month);
		}
		List<CallStats> perDay = statistics.stats(from, to, StatsPeriod.DAY, properties.definition());
		Totals totals = new Totals();
		List<Report.Figures> days = new ArrayList<>();
		for (CallStats s : perDay) {
			LocalDate day = LocalDate.parse(s.period());
			totals.add(s);
			if (calendar.isOpenDay(day) || calls(s) > 0) {
				days.add(figures(s, dayLabel(day)));
			}
		}
		CallStats first = perDay.get(0);
		Double rate = totals.received == 0 ? null : (double) totals.answered / totals.received;
		boolean complete = to.equals(end) && !now.isBefore(closing(end));
		return new Report(ReportKind.MONTHLY, month.toString(), from, to, complete, first.definition(), totals.gap,
				totals.received, totals.answered, rate, first.target(), rate == null ? null : rate >= first.target(),
				totals.abandoned, totals.timedOut, totals.refused, totals.excluded, totals.outOfHours,
				totals.averageWait(), totals.longest,
				totals.received == 0 ? null : (double) totals.prompt / totals.received, first.serviceLevelSeconds(),
				List.of(), List.of(), List.of(), List.copyOf(days), sections(from, to), now);
	}

	/** 11月24日(火) */
	static String dayLabel(LocalDate day) {
		return day.getMonthValue() + "月" + day.getDayOfMonth() + "日("
				+ day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ")";
	}

	private Instant closing(LocalDate day) {
		return day.atTime(calendar.closes()).atZone(calendar.zone()).toInstant();
	}

	private static boolean begun(CallStats s, Instant now) {
		return !s.start().isAfter(now);
	}

	private static long calls(CallStats s) {
		return s.received() + s.excluded() + s.outOfHours();
	}

	private List<Report.Section> sections(LocalDate from, LocalDate to) {
		List<Report.Section> sections = new ArrayList<>();
		contributions.stream().sorted(Comparator.comparingInt(ReportContribution::order)
				.thenComparing(ReportContribution::key)).forEach(c -> {
					try {
						List<ReportLine> lines = List.copyOf(c.lines(from, to));
						check(lines);
						sections.add(new Report.Section(c.key(), c.title(), c.order(), lines, null));
					} catch (RuntimeException e) {
						// One failing section must not stop the report to the city; the section says it failed.
						log.error("Report section '{}' could not be computed for {}..{}: {}", c.key(), from, to,
								SafeThrowables.describe(e));
						sections.add(new Report.Section(c.key(), c.title(), c.order(), List.of(),
								"集計できませんでした（" + e.getClass().getSimpleName() + "）"));
					}
				});
		return List.copyOf(sections);
	}

	/**
	 * Refuses a section whose subsets cannot be subsets: one without parts to be a subset of, or larger than the
	 * parts' total. Such a section is a fault of its module, and the city must not receive it as figures.
	 */
	static void check(List<ReportLine> lines) {
		long parts = 0;
		boolean anyPart = false;
		for (ReportLine line : lines) {
			if (line instanceof ReportLine.Part p) {
				parts += p.count();
				anyPart = true;
			}
		}
		for (ReportLine line : lines) {
			if (line instanceof ReportLine.Subset s && (!anyPart || s.count() > parts)) {
				throw new IllegalStateException("subset '" + s.label() + "' (" + s.count()
						+ ") is not within the section's parts (" + (anyPart ? parts : "none") + ")");
			}
		}
	}

	private static Report.Figures figures(CallStats s, String label) {
		return new Report.Figures(s.period(), label, s.received(), s.answered(), s.answerRate(), s.abandoned(),
				s.timedOut(), s.refused(), s.outOfHours(), s.averageWaitSeconds(), s.longestWaitSeconds(),
				s.answeredWithinShare(), s.gap());
	}

	/** Sums of days. */
	static final class Totals {
		long received, answered, abandoned, timedOut, refused, excluded, outOfHours;
		long prompt;
		double waitWeighted;
		long waitWeight;
		Double longest;
		boolean gap;

		void add(CallStats s) {
			received += s.received();
			answered += s.answered();
			abandoned += s.abandoned();
			timedOut += s.timedOut();
			refused += s.refused();
			excluded += s.excluded();
			outOfHours += s.outOfHours();
			gap |= s.gap();
			if (s.answeredWithinShare() != null) {
				prompt += Math.round(s.answeredWithinShare() * s.received());
			}
			if (s.averageWaitSeconds() != null) {
				// A day's mean covers its received calls that queued, i.e. all but the refused ones.
				long queued = s.received() - s.refused();
				waitWeighted += s.averageWaitSeconds() * queued;
				waitWeight += queued;
			}
			if (s.longestWaitSeconds() != null) {
				longest = longest == null ? s.longestWaitSeconds() : Math.max(longest, s.longestWaitSeconds());
			}
		}

		Double averageWait() {
			return waitWeight == 0 ? null : Math.round(waitWeighted / waitWeight * 1000) / 1000.0;
		}
	}
}
