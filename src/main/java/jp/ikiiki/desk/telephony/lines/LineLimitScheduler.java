package jp.ikiiki.desk.telephony.lines;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.HalfDay;
import jp.ikiiki.desk.platform.cluster.ClusterMessages;
import jp.ikiiki.desk.platform.cluster.Leadership;
import jp.ikiiki.desk.telephony.LineLimitControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes the limit in force and hands it to {@link LineLimitControl}: at start-up, at every opening, half-day
 * boundary and closing of an open day (and when a "resize now" ends), and at once after every change. Between
 * boundaries it looks at the clock every {@code ikiiki.lines.check-interval}, so a clock that jumps (or a machine
 * that slept) is caught up with.
 * <p>
 * Every node computes the limit (its console shows it), but only the leader's {@link LineLimitControl} has an AMI
 * connection to put it in force; the others keep it.
 */
@Component
class LineLimitScheduler {

	private static final Logger log = LoggerFactory.getLogger(LineLimitScheduler.class);
	static final String CHANGED = "cluster.telephony.lines";

	/** What was put in force, and until when it holds. */
	record Applied(int limit, Instant at, Instant nextChange) {
	}

	private final BusinessCalendar calendar;
	private final LineSchedules schedules;
	private final LinesProperties properties;
	private final ObjectProvider<LineLimitControl> control;
	private final Clock clock;
	private final ClusterMessages messages;
	private ScheduledExecutorService timer;
	private Applied applied;

	LineLimitScheduler(BusinessCalendar calendar, LineSchedules schedules, LinesProperties properties,
			ObjectProvider<LineLimitControl> control, ObjectProvider<Clock> clock, ClusterMessages messages,
			Leadership leadership) {
		this.messages = messages;
		// A change made on another node's console: the leader, which holds the AMI connection, puts it in force.
		messages.subscribe(CHANGED, m -> {
			if (!m.local() && leadership.isLeader()) {
				applyNow();
			}
		});
		this.calendar = calendar;
		this.schedules = schedules;
		this.properties = properties;
		this.control = control;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	Clock clock() {
		return clock;
	}

	/** The limit in force at an instant (see {@link jp.ikiiki.desk.telephony.LinePlans} for the order). */
	int limitAt(Instant t) {
		Optional<LineSchedules.Override> override = schedules.overrideAt(t);
		if (override.isPresent()) {
			return override.get().lines();
		}
		return plannedLimitAt(t);
	}

	/** The limit at an instant leaving every "resize now" aside: the schedule, or the out-of-hours limit. */
	int plannedLimitAt(Instant t) {
		if (!calendar.isOpenAt(t)) {
			return properties.outOfHoursLimit();
		}
		return schedules.linesAt(calendar.halfDayOf(t)).orElse(properties.unscheduledLimit());
	}

	/** The next instant at which {@link #limitAt} may change by itself. */
	Instant nextChangeAfter(Instant t) {
		Instant boundary = calendar.nextBoundaryAfter(t);
		return schedules.overrideAt(t).map(LineSchedules.Override::until).filter(u -> u.isBefore(boundary))
				.orElse(boundary);
	}

	/** Computes the limit for the clock's now and puts it in force. */
	synchronized Applied applyNow() {
		Instant now = clock.instant();
		int limit = limitAt(now);
		LineLimitControl target = control.getIfAvailable();
		if (target != null) {
			target.apply(limit);
		} else if (applied == null) {
			log.warn("No LineLimitControl bean: the line limit ({}) is computed but reaches no telephony", limit);
		}
		Applied previous = applied;
		applied = new Applied(limit, now, nextChangeAfter(now));
		if (previous == null || previous.limit() != limit) {
			log.info("Line limit in force: {} (until {})", limit, applied.nextChange());
		}
		return applied;
	}

	/**
	 * The schedule or an override changed: the limit is put in force here and, by a message to every node, by the
	 * leader (the node whose console made the change may not hold the AMI connection). Sent when the change commits.
	 */
	Applied changed() {
		Applied now = applyNow();
		messages.publish(CHANGED, String.valueOf(now.limit()));
		return now;
	}

	/** What was last put in force; null before start-up. */
	synchronized Applied applied() {
		return applied;
	}

	/** Applies again when the clock has reached the next change; returns true if it did. */
	synchronized boolean applyIfDue() {
		if (applied == null || !clock.instant().isBefore(applied.nextChange())) {
			applyNow();
			return true;
		}
		return false;
	}

	/**
	 * Fills the schedule of every planned month that has none yet with the plan's default lines per half-day
	 * (第6章2: 令和8年度 as the contract's table), so that the limit follows the contract from the first start.
	 */
	void seedSchedule() {
		for (LineSchedules.PlanRow plan : schedules.allPlans()) {
			YearMonth month = plan.month();
			if (schedules.hasSchedule(month)) {
				continue;
			}
			var days = calendar.openDays(month);
			if (plan.defaultAm() == plan.defaultPm()) {
				schedules.setLines(days, EnumSet.allOf(HalfDay.Half.class), plan.defaultAm(), "system");
			} else {
				schedules.setLines(days, EnumSet.of(HalfDay.Half.AM), plan.defaultAm(), "system");
				schedules.setLines(days, EnumSet.of(HalfDay.Half.PM), plan.defaultPm(), "system");
			}
			log.info("Line schedule of {} filled from the plan ({} open days)", month, days.size());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		seedSchedule();
		applyNow();
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "line-limit-scheduler");
			t.setDaemon(true);
			return t;
		});
		scheduleCheck();
	}

	private void scheduleCheck() {
		Applied current = applied();
		Duration untilChange = Duration.between(clock.instant(), current.nextChange());
		Duration delay = untilChange.isNegative() ? Duration.ZERO
				: untilChange.compareTo(properties.checkInterval()) < 0 ? untilChange : properties.checkInterval();
		timer.schedule(this::check, Math.max(delay.toMillis(), 1), TimeUnit.MILLISECONDS);
	}

	private void check() {
		try {
			applyIfDue();
		} catch (RuntimeException e) {
			log.error("Line limit could not be computed or applied; retrying", e);
		} finally {
			if (!timer.isShutdown()) {
				scheduleCheck();
			}
		}
	}

	@PreDestroy
	void stop() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	/** Today's date by the scheduler's clock, Asia/Tokyo. */
	LocalDate today() {
		return calendar.dateOf(clock.instant());
	}
}
