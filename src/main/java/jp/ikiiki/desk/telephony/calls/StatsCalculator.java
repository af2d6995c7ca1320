package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.JapanTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;

/** Turns raw call rows into per-period figures under one answer-rate definition (第6章2 ※1). Pure. */
final class StatsCalculator {

	/** What statistics need of a call record. */
	record Row(Instant arrivedAt, CallOutcome outcome, boolean inHours, BigDecimal waitSeconds) {
	}

	/** A gap in the telephony data; {@code restoredAt} null while still down. */
	record Gap(Instant lostAt, Instant restoredAt) {

		boolean overlaps(Instant start, Instant end, Instant now) {
			Instant until = restoredAt != null ? restoredAt : now;
			return lostAt.isBefore(end) && until.isAfter(start);
		}
	}

	record Period(String label, Instant start, Instant end) {

		boolean contains(Instant instant) {
			return !instant.isBefore(start) && instant.isBefore(end);
		}
	}

	private StatsCalculator() {
	}

	/** The periods of the days {@code from}..{@code to} (inclusive), in order. */
	static List<Period> periods(LocalDate from, LocalDate to, StatsPeriod by, LocalTime halfDayBoundary) {
		List<Period> periods = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			Instant start = day.atStartOfDay(JapanTime.ZONE).toInstant();
			Instant end = day.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant();
			switch (by) {
				case DAY -> periods.add(new Period(day.toString(), start, end));
				case HALF_DAY -> {
					Instant boundary = day.atTime(halfDayBoundary).atZone(JapanTime.ZONE).toInstant();
					periods.add(new Period(day + " AM", start, boundary));
					periods.add(new Period(day + " PM", boundary, end));
				}
				case HOUR -> {
					for (int hour = 0; hour < 24; hour++) {
						Instant h = day.atTime(hour, 0).atZone(JapanTime.ZONE).toInstant();
						periods.add(new Period(day + "T" + (hour < 10 ? "0" : "") + hour, h,
								day.atTime(hour, 0).plusHours(1).atZone(JapanTime.ZONE).toInstant()));
					}
				}
				case HALF_HOUR -> {
					for (LocalTime t = LocalTime.MIDNIGHT; ; t = t.plusMinutes(30)) {
						periods.add(new Period(day + "T" + t, day.atTime(t).atZone(JapanTime.ZONE).toInstant(),
								day.atTime(t).plusMinutes(30).atZone(JapanTime.ZONE).toInstant()));
						if (t.equals(LocalTime.of(23, 30))) {
							break;
						}
					}
				}
			}
		}
		return periods;
	}

	/** Figures for each period; {@code rows} in any order. */
	static List<CallStats> compute(List<Period> periods, List<Row> rows, AnswerRateProperties.Definition definition,
			List<Gap> gaps, Instant now) {
		List<Row> sorted = rows.stream().sorted((a, b) -> a.arrivedAt().compareTo(b.arrivedAt())).toList();
		List<CallStats> stats = new ArrayList<>(periods.size());
		int i = 0;
		for (Period period : periods) {
			while (i < sorted.size() && sorted.get(i).arrivedAt().isBefore(period.start())) {
				i++;
			}
			int j = i;
			while (j < sorted.size() && period.contains(sorted.get(j).arrivedAt())) {
				j++;
			}
			boolean gap = gaps.stream().anyMatch(g -> g.overlaps(period.start(), period.end(), now));
			stats.add(compute(period, sorted.subList(i, j), definition, gap));
			i = j;
		}
		return stats;
	}

	static CallStats compute(Period period, List<Row> rows, AnswerRateProperties.Definition definition, boolean gap) {
		double shortAbandon = definition.excludeAbandonsUnder().toMillis() / 1000.0;
		double serviceLevel = definition.serviceLevel().toMillis() / 1000.0;
		long received = 0, answered = 0, abandoned = 0, timedOut = 0, refused = 0, excluded = 0, outOfHours = 0;
		long waited = 0, promptly = 0;
		double waitSum = 0, longest = -1;
		for (Row row : rows) {
			if (!row.inHours()) {
				outOfHours++;
				continue;
			}
			Double wait = row.waitSeconds() == null ? null : row.waitSeconds().doubleValue();
			if (row.outcome() == CallOutcome.ABANDONED && shortAbandon > 0 && wait != null && wait < shortAbandon) {
				excluded++;
				continue;
			}
			received++;
			switch (row.outcome()) {
				case ANSWERED -> {
					answered++;
					if (wait != null && wait <= serviceLevel) {
						promptly++;
					}
				}
				case ABANDONED -> abandoned++;
				case TIMEOUT -> timedOut++;
				case REFUSED -> refused++;
			}
			if (row.outcome() != CallOutcome.REFUSED && wait != null) {
				waited++;
				waitSum += wait;
				longest = Math.max(longest, wait);
			}
		}
		Double rate = received == 0 ? null : (double) answered / received;
		return new CallStats(period.label(), period.start(), period.end(), received, answered, abandoned, timedOut,
				refused, excluded, outOfHours, rate, CallStatistics.TARGET,
				rate == null ? null : rate >= CallStatistics.TARGET, waited == 0 ? null : round(waitSum / waited),
				waited == 0 ? null : round(longest), received == 0 ? null : (double) promptly / received,
				(int) Duration.ofMillis(definition.serviceLevel().toMillis()).toSeconds(), definition.name(), gap);
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}
}
