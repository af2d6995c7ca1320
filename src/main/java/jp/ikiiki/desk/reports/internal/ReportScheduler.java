package jp.ikiiki.desk.reports.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.platform.cluster.Leadership;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.reports.ReportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Generates the daily report of every open day once its closing (17:15 Asia/Tokyo) plus
 * {@code ikiiki.reports.delay-after-closing} has passed, and the monthly summary of the previous month at the
 * opening of the first open day of a month; and sends due e-mails. Nothing is kept in memory: every
 * {@code check-interval} (and at start-up) it asks the database whether each report of the last
 * {@code catch-up-days} was generated after it became due, so a day missed while the application was down (or
 * the clock jumped) is generated when it is back. Runs as the application ({@code system}, with the city staff's read access: a report reads exactly what city staff may read).
 */
@Component
public class ReportScheduler {

	private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);
	static final String CHANNEL = "定時処理:報告書";

	private final BusinessCalendar calendar;
	private final ReportStore store;
	private final ReportGenerator generator;
	private final ReportMailer mailer;
	private final ReportsProperties properties;
	private final Clock clock;
	private final Leadership leadership;
	private ScheduledExecutorService timer;

	ReportScheduler(BusinessCalendar calendar, ReportStore store, ReportGenerator generator, ReportMailer mailer,
			ReportsProperties properties, ObjectProvider<Clock> clock, Leadership leadership) {
		this.leadership = leadership;
		this.calendar = calendar;
		this.store = store;
		this.generator = generator;
		this.mailer = mailer;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** A report and the instant from which it is due. */
	record Due(ReportKind kind, String period, LocalDate day, YearMonth month, Instant at) {
	}

	/** When a day's report becomes due: its closing plus the delay. */
	Instant dailyDueAt(LocalDate day) {
		return day.atTime(calendar.closes()).atZone(calendar.zone()).toInstant().plus(properties.delayAfterClosing());
	}

	/** When a month's summary becomes due: the opening of the next month's first open day. */
	Instant monthlyDueAt(YearMonth month) {
		LocalDate first = calendar.openDays(month.plusMonths(1)).get(0);
		return first.atTime(calendar.opens()).atZone(calendar.zone()).toInstant();
	}

	/** Reports due by {@code now} within the catch-up window, oldest first (whether generated or not). */
	List<Due> dueBy(Instant now) {
		LocalDate today = calendar.dateOf(now);
		LocalDate first = today.minusDays(properties.catchUpDays());
		List<Due> due = new ArrayList<>();
		for (YearMonth m = YearMonth.from(first).minusMonths(1); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
			Instant at = monthlyDueAt(m);
			if (!at.isAfter(now) && !calendar.dateOf(at).isBefore(first)) {
				due.add(new Due(ReportKind.MONTHLY, m.toString(), null, m, at));
			}
		}
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			Instant at = dailyDueAt(day);
			if (calendar.isOpenDay(day) && !at.isAfter(now)) {
				due.add(new Due(ReportKind.DAILY, day.toString(), day, null, at));
			}
		}
		due.sort(java.util.Comparator.comparing(Due::at));
		return due;
	}

	/**
	 * Generates every report due by {@code now} that has no version generated since it became due, then sends due
	 * mail. Returns the ids generated.
	 */
	public synchronized List<Long> runDue(Instant now) {
		List<Long> generated = new ArrayList<>();
		CurrentUser.runAsSystem(() -> {
			for (Due due : dueBy(now)) {
				if (store.generatedSince(due.kind(), due.period(), due.at())) {
					continue;
				}
				try {
					generated.add(due.kind() == ReportKind.DAILY ? generator.daily(due.day(), true, CHANNEL)
							: generator.monthly(due.month(), true, CHANNEL));
					log.info("{} report {} generated", due.kind(), due.period());
				} catch (RuntimeException e) {
					log.error("{} report {} could not be generated; retrying at the next check: {}", due.kind(),
							due.period(), SafeThrowables.describe(e));
				}
			}
			mailer.sendDue(now);
		}, "CITY_STAFF");
		return generated;
	}

	/** Sends due mail now, on the scheduler's thread (after an on-demand generation). */
	public void sendMailSoon() {
		if (!leadership.isLeader()) {
			return; // the leader's next check sends it
		}
		if (timer != null && !timer.isShutdown()) {
			timer.execute(() -> {
				try {
					CurrentUser.runAsSystem(() -> mailer.sendDue(clock.instant()), "CITY_STAFF");
				} catch (RuntimeException e) {
					log.error("Report mail could not be sent; retrying at the next check: {}", SafeThrowables.describe(e));
				}
			});
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "report-scheduler");
			t.setDaemon(true);
			return t;
		});
		timer.execute(() -> {
			try {
				ReportGenerator.warmUp();
			} catch (RuntimeException | LinkageError | java.awt.AWTError e) {
				log.warn("Report rendering could not be warmed up: {}", e.getClass().getSimpleName());
			}
		});
		long interval = properties.checkInterval().toMillis();
		timer.scheduleWithFixedDelay(this::check, properties.scheduled() ? 0 : interval, interval,
				TimeUnit.MILLISECONDS);
	}

	private void check() {
		if (!leadership.isLeader()) {
			return; // several nodes: only the leader generates and sends, so that nothing is sent twice
		}
		try {
			if (properties.scheduled()) {
				runDue(clock.instant());
			} else {
				CurrentUser.runAsSystem(() -> mailer.sendDue(clock.instant()), "CITY_STAFF");
			}
		} catch (RuntimeException e) {
			log.error("Report check failed; retrying at the next check: {}", SafeThrowables.describe(e));
		}
	}

	@PreDestroy
	void stop() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}
}
