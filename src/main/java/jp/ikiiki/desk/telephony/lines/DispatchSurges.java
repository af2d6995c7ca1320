package jp.ikiiki.desk.telephony.lines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.telephony.DispatchSurge;
import jp.ikiiki.desk.telephony.HalfDayCalls;
import jp.ikiiki.desk.telephony.PlannedDispatches.Dispatch;
import jp.ikiiki.desk.telephony.SurgeRule;

/**
 * The surge of calls after dispatches (第6章2 ※1: 送付物の送付後には問合せが急増する), measured over past dispatches
 * and applied to the dispatches made and planned. The rule is stated on {@link SurgeRule}; the contract default, for
 * a centre without a measured dispatch, spreads {@code defaultCallsPerThousand} over the {@code surgeDays} open days
 * after a dispatch in a straight decline (day n of S gets {@code 2 (S − n + 1) / (S (S + 1))} of it).
 */
final class DispatchSurges {

	private final BusinessCalendar calendar;
	private final int surgeDays;
	private final int baselineDays;
	private final double defaultCallsPerThousand;

	DispatchSurges(BusinessCalendar calendar, int surgeDays, int baselineDays, double defaultCallsPerThousand) {
		this.calendar = calendar;
		this.surgeDays = surgeDays;
		this.baselineDays = baselineDays;
		this.defaultCallsPerThousand = defaultCallsPerThousand;
	}

	int surgeDays() {
		return surgeDays;
	}

	/** The contract default: the straight decline of {@code defaultCallsPerThousand} over the surge days. */
	SurgeRule contractDefault() {
		List<Double> perThousand = new ArrayList<>(surgeDays);
		double s = surgeDays;
		for (int n = 1; n <= surgeDays; n++) {
			perThousand.add(defaultCallsPerThousand * 2 * (s - n + 1) / (s * (s + 1)));
		}
		return new SurgeRule(SurgeRule.ALL_KINDS, SurgeRule.Basis.CONTRACT_DEFAULT, 0, 0, perThousand);
	}

	/**
	 * The rules measured from the calls before {@code before}: one per kind with a measured dispatch, and the rule
	 * of every kind together under {@link SurgeRule#ALL_KINDS} (the contract default when nothing was measured).
	 *
	 * @param calls the received calls per half-day over (at least) the past dispatches' days and the baseline days
	 *              before them
	 * @param past  dispatches; only those made, with pieces, whose surge days all lie before {@code before} count
	 */
	Map<String, SurgeRule> rules(List<HalfDayCalls> calls, List<Dispatch> past, LocalDate before) {
		Map<LocalDate, Integer> daily = new HashMap<>();
		for (HalfDayCalls c : calls) {
			daily.merge(c.halfDay().date(), c.received(), Integer::sum);
		}
		Map<String, Sums> byKind = new TreeMap<>();
		Sums all = new Sums(surgeDays);
		for (Dispatch d : past) {
			if (!d.dispatched() || d.pieces() <= 0) {
				continue;
			}
			List<LocalDate> after = openDaysAfter(d.on(), surgeDays);
			if (!after.get(after.size() - 1).isBefore(before)) {
				continue; // its surge has not run its course yet
			}
			List<LocalDate> baseline = openDaysBefore(d.on(), baselineDays);
			boolean anyCall = baseline.stream().anyMatch(daily::containsKey)
					|| after.stream().anyMatch(daily::containsKey);
			if (!anyCall) {
				continue; // no call data around it (the centre was not recording): nothing measured
			}
			double base = median(baseline.stream().map(day -> daily.getOrDefault(day, 0)).toList());
			double[] excess = new double[surgeDays];
			for (int n = 0; n < surgeDays; n++) {
				excess[n] = Math.max(0, daily.getOrDefault(after.get(n), 0) - base);
			}
			byKind.computeIfAbsent(d.kind(), k -> new Sums(surgeDays)).add(excess, d.pieces());
			all.add(excess, d.pieces());
		}
		Map<String, SurgeRule> rules = new LinkedHashMap<>();
		byKind.forEach((kind, sums) -> rules.put(kind, sums.rule(kind, SurgeRule.Basis.HISTORY_OF_KIND)));
		rules.put(SurgeRule.ALL_KINDS, all.dispatches == 0 ? contractDefault()
				: all.rule(SurgeRule.ALL_KINDS, SurgeRule.Basis.HISTORY_OF_ALL_KINDS));
		return rules;
	}

	/** The rule for a kind: its own, else every kind's together (or the contract default). */
	static SurgeRule ruleFor(String kind, Map<String, SurgeRule> rules) {
		SurgeRule own = rules.get(kind);
		return own != null ? own : rules.get(SurgeRule.ALL_KINDS);
	}

	/** The extra calls each dispatch brings on {@code day}, for those whose surge reaches it. */
	List<DispatchSurge> on(LocalDate day, List<Dispatch> dispatches, Map<String, SurgeRule> rules) {
		List<DispatchSurge> result = new ArrayList<>();
		for (Dispatch d : dispatches) {
			if (d.pieces() <= 0) {
				continue;
			}
			int n = openDaysBetween(d.on(), day);
			if (n < 1 || n > surgeDays) {
				continue;
			}
			SurgeRule rule = ruleFor(d.kind(), rules);
			double perThousand = rule.onDay(n);
			if (perThousand <= 0) {
				continue; // no surge measured on that day after a dispatch: nothing to add, nothing to explain
			}
			result.add(new DispatchSurge(d, n, perThousand, d.pieces() / 1000.0 * perThousand, rule));
		}
		return result;
	}

	/**
	 * Which open day after {@code dispatchDay} {@code day} is (1 = the first open day after it); 0 when {@code day}
	 * is not after it, or not open, or more than the surge days after it.
	 */
	int openDaysBetween(LocalDate dispatchDay, LocalDate day) {
		if (!day.isAfter(dispatchDay) || !calendar.isOpenDay(day)) {
			return 0;
		}
		int n = 0;
		for (LocalDate d = dispatchDay.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
			if (calendar.isOpenDay(d)) {
				n++;
				if (n > surgeDays) {
					return 0;
				}
			}
		}
		return n;
	}

	/** The first open day on which a dispatch made on it or later can still raise the forecast of {@code day}. */
	LocalDate earliestReaching(LocalDate day) {
		List<LocalDate> before = openDaysBefore(day, surgeDays + 1);
		return before.isEmpty() ? day : before.get(before.size() - 1).plusDays(1);
	}

	List<LocalDate> openDaysAfter(LocalDate day, int count) {
		List<LocalDate> days = new ArrayList<>(count);
		for (LocalDate d = day.plusDays(1); days.size() < count; d = d.plusDays(1)) {
			if (calendar.isOpenDay(d)) {
				days.add(d);
			}
		}
		return days;
	}

	/** The {@code count} open days before {@code day}, newest first (fewer if a year back has not so many). */
	List<LocalDate> openDaysBefore(LocalDate day, int count) {
		List<LocalDate> days = new ArrayList<>(count);
		for (LocalDate d = day.minusDays(1); days.size() < count && d.isAfter(day.minusYears(1)); d = d.minusDays(1)) {
			if (calendar.isOpenDay(d)) {
				days.add(d);
			}
		}
		return days;
	}

	static double median(List<Integer> values) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Integer> sorted = values.stream().sorted().toList();
		int m = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2.0;
	}

	/** Excess calls per day after dispatches, summed, and their pieces. */
	private static final class Sums {

		final double[] excess;
		long pieces;
		int dispatches;

		Sums(int days) {
			excess = new double[days];
		}

		void add(double[] e, int p) {
			for (int i = 0; i < excess.length; i++) {
				excess[i] += e[i];
			}
			pieces += p;
			dispatches++;
		}

		SurgeRule rule(String kind, SurgeRule.Basis basis) {
			List<Double> perThousand = new ArrayList<>(excess.length);
			for (double e : excess) {
				perThousand.add(1000.0 * e / pieces);
			}
			return new SurgeRule(kind, basis, dispatches, pieces, perThousand);
		}
	}
}
