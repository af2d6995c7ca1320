package jp.ikiiki.desk.telephony.lines;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.telephony.CallArrivals;
import jp.ikiiki.desk.telephony.DispatchOutlook;
import jp.ikiiki.desk.telephony.DispatchSurge;
import jp.ikiiki.desk.telephony.HalfDayCalls;
import jp.ikiiki.desk.telephony.LineAdvice;
import jp.ikiiki.desk.telephony.LineAdvisor;
import jp.ikiiki.desk.telephony.LinePlans;
import jp.ikiiki.desk.telephony.PlannedDispatches;
import jp.ikiiki.desk.telephony.SurgeRule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Forecast: for each half (morning, afternoon) the calls of the same half over the last
 * {@code ikiiki.lines.advice.history-days} open days, as calls per open hour; mean talk time over the answered
 * calls; mean patience as the abandoned callers' mean wait. A moving average lags behind the surges after each
 * mailing (※1: 発送スケジュールを踏まえ), so on the open days after a dispatch made or planned ({@link PlannedDispatches})
 * the forecast is raised by the surge measured after past dispatches ({@link DispatchSurges}, the rule on
 * {@link jp.ikiiki.desk.telephony.SurgeRule}); the day's extra calls are split between the halves as the history's
 * calls are. The moving average itself is left as it is: when recent surges lie in its history days the forecast
 * errs on the side of more lines.
 */
@Service
class LineAdviceService implements LineAdvisor {

	private final BusinessCalendar calendar;
	private final LineSchedules schedules;
	private final LinesProperties properties;
	private final ObjectProvider<CallArrivals> arrivals;
	private final ObjectProvider<PlannedDispatches> dispatches;
	private final DispatchSurges surges;

	LineAdviceService(BusinessCalendar calendar, LineSchedules schedules, LinesProperties properties,
			ObjectProvider<CallArrivals> arrivals, ObjectProvider<PlannedDispatches> dispatches) {
		this.calendar = calendar;
		this.schedules = schedules;
		this.properties = properties;
		this.arrivals = arrivals;
		this.dispatches = dispatches;
		LinesProperties.Advice a = properties.advice();
		this.surges = new DispatchSurges(calendar, a.surgeDays(), a.surgeBaselineDays(), a.defaultCallsPerThousand());
	}

	/** The inputs of one half. */
	record Forecast(int halfDays, int received, double callsPerHour, double handlingSeconds,
			double patienceSeconds) {
	}

	@Override
	public List<LineAdvice> advice(LocalDate from, int openDays) {
		List<LocalDate> days = openDays(from, openDays);
		CallArrivals source = arrivals.getIfAvailable();
		if (source == null) {
			return List.of();
		}
		Map<HalfDay.Half, Forecast> forecast = forecast(source, from);
		if (forecast.values().stream().allMatch(f -> f.received() == 0)) {
			return List.of(); // no calls in the history: nothing to forecast from
		}
		Outlook outlook = outlook(source, from, days);
		LinesProperties.Advice settings = properties.advice();
		int historyReceived = forecast.values().stream().mapToInt(Forecast::received).sum();
		List<LineAdvice> result = new ArrayList<>();
		for (LocalDate day : days) {
			List<DispatchSurge> raised = surges.on(day, outlook.dispatches(), outlook.rules());
			double extraCalls = raised.stream().mapToDouble(DispatchSurge::extraCalls).sum();
			for (HalfDay.Half half : HalfDay.Half.values()) {
				HalfDay halfDay = new HalfDay(day, half);
				Forecast f = forecast.get(half);
				// the day's extra calls go to the halves as the history's calls did
				double share = historyReceived == 0 ? openHours(half) / (openHours(HalfDay.Half.AM)
						+ openHours(HalfDay.Half.PM)) : (double) f.received() / historyReceived;
				double extraPerHour = extraCalls * share / openHours(half);
				double perHour = f.callsPerHour() + extraPerHour;
				ErlangQueue.Staffing best = ErlangQueue.smallest(perHour, f.handlingSeconds(), f.patienceSeconds(),
						settings.target(), LinePlans.MAX_LINES);
				Integer scheduled = schedules.linesAt(halfDay).orElse(null);
				Double scheduledRate = scheduled == null || scheduled == 0 ? null
						: ErlangQueue.solve(perHour, f.handlingSeconds(), f.patienceSeconds(), scheduled, scheduled)
								.answerRate();
				result.add(new LineAdvice(halfDay, f.halfDays(), f.received(), perHour, f.handlingSeconds(),
						f.patienceSeconds(), settings.target(), best == null ? null : best.agents(),
						best == null ? null : best.lines(), scheduled, scheduledRate, f.callsPerHour(), extraPerHour,
						raised));
			}
		}
		return result;
	}

	@Override
	public DispatchOutlook dispatches(LocalDate from, int openDays) {
		List<LocalDate> days = openDays(from, openDays);
		CallArrivals source = arrivals.getIfAvailable();
		Outlook outlook = outlook(source, from, days);
		Set<String> kinds = new HashSet<>();
		outlook.dispatches().forEach(d -> kinds.add(d.kind()));
		List<SurgeRule> rules = outlook.rules().entrySet().stream()
				.filter(e -> kinds.contains(e.getKey()) || e.getKey().equals(SurgeRule.ALL_KINDS))
				.map(Map.Entry::getValue).toList();
		return new DispatchOutlook(outlook.dispatches(), rules, surges.surgeDays(),
				dispatches.getIfAvailable() != null);
	}

	/** The dispatches whose surge reaches into the days, and the rules measured before {@code from}. */
	record Outlook(List<PlannedDispatches.Dispatch> dispatches, Map<String, SurgeRule> rules) {
	}

	private Outlook outlook(CallArrivals source, LocalDate from, List<LocalDate> days) {
		PlannedDispatches schedule = dispatches.getIfAvailable();
		if (schedule == null) {
			return new Outlook(List.of(), Map.of(SurgeRule.ALL_KINDS, surges.contractDefault()));
		}
		List<PlannedDispatches.Dispatch> reaching = schedule.between(surges.earliestReaching(from),
				days.get(days.size() - 1));
		// the rules come from the dispatches of the last year whose surge has run its course, and the calls around them
		LocalDate yearAgo = from.minusYears(1);
		List<PlannedDispatches.Dispatch> past = schedule.between(yearAgo, from.minusDays(1));
		List<HalfDayCalls> calls = source == null ? List.of()
				: source.between(yearAgo.minusDays(2L * properties.advice().surgeBaselineDays() + 14),
						from.minusDays(1));
		return new Outlook(reaching, surges.rules(calls, past, from));
	}

	private List<LocalDate> openDays(LocalDate from, int openDays) {
		if (openDays < 1 || openDays > 20) {
			throw new InvalidInputException("days", "日数は 1〜20 で指定してください（" + openDays + "）");
		}
		List<LocalDate> days = new ArrayList<>(openDays);
		for (LocalDate day = from; days.size() < openDays; day = day.plusDays(1)) {
			if (calendar.isOpenDay(day)) {
				days.add(day);
			}
		}
		return days;
	}

	/** Averages over the last history-days open days before {@code before}. */
	Map<HalfDay.Half, Forecast> forecast(CallArrivals source, LocalDate before) {
		LinesProperties.Advice settings = properties.advice();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = before.minusDays(1); days.size() < settings.historyDays()
				&& d.isAfter(before.minusYears(1)); d = d.minusDays(1)) {
			if (calendar.isOpenDay(d)) {
				days.add(d);
			}
		}
		Map<HalfDay.Half, Totals> sums = new EnumMap<>(HalfDay.Half.class);
		for (HalfDay.Half half : HalfDay.Half.values()) {
			sums.put(half, Totals.NONE);
		}
		if (!days.isEmpty()) {
			for (HalfDayCalls c : source.between(days.get(days.size() - 1), days.get(0))) {
				if (days.contains(c.halfDay().date())) {
					sums.merge(c.halfDay().half(), Totals.of(c), Totals::plus);
				}
			}
		}
		Map<HalfDay.Half, Forecast> result = new EnumMap<>(HalfDay.Half.class);
		for (HalfDay.Half half : HalfDay.Half.values()) {
			Totals s = sums.get(half);
			double hours = days.size() * openHours(half);
			double perHour = hours == 0 ? 0 : s.received() / hours;
			double handling = s.answered() > 0 && s.talkSeconds() > 0 ? (double) s.talkSeconds() / s.answered()
					: seconds(settings.defaultHandling());
			double patience = s.abandoned() > 0 && s.abandonedWaitSeconds() > 0
					? (double) s.abandonedWaitSeconds() / s.abandoned() : seconds(settings.defaultPatience());
			result.put(half, new Forecast(days.size(), (int) s.received(), perHour, handling, patience));
		}
		return result;
	}

	/** Sums over the history's half-days of one half. */
	record Totals(long received, long answered, long talkSeconds, long abandoned, long abandonedWaitSeconds) {

		static final Totals NONE = new Totals(0, 0, 0, 0, 0);

		static Totals of(HalfDayCalls c) {
			return new Totals(c.received(), c.answered(), c.talkSeconds(), c.abandoned(), c.abandonedWaitSeconds());
		}

		Totals plus(Totals o) {
			return new Totals(received + o.received, answered + o.answered, talkSeconds + o.talkSeconds,
					abandoned + o.abandoned, abandonedWaitSeconds + o.abandonedWaitSeconds);
		}
	}

	private double openHours(HalfDay.Half half) {
		Duration d = half == HalfDay.Half.AM ? Duration.between(calendar.opens(), calendar.halfDayBoundary())
				: Duration.between(calendar.halfDayBoundary(), calendar.closes());
		return d.getSeconds() / 3600.0;
	}

	private static double seconds(Duration d) {
		return d.toMillis() / 1000.0;
	}
}
