package jp.ikiiki.desk.deliverables.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.deliverables.PlannedDispatch;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.telephony.PlannedDispatches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The mailing schedule for the line advice (第4章1(2) with 第6章2 ※1): the dispatches the contract plans
 * ({@link ContractDispatches}) held against the mailing batches.
 *
 * <ul>
 * <li>A batch handed to the post office is a dispatch made, of its 発送日 and envelopes sent. In its month it fulfils
 * the first planned dispatch, in due order, that its mailing kind belongs to (the first booklet batch of a month the
 * 中旬 one, the second the 下旬 one).</li>
 * <li>A planned dispatch not fulfilled keeps its due date; past it, it is overdue and is expected today (the advice
 * cannot know the day it will go, and the surge is coming). Planned dispatches due more than two months ago and
 * never made are no longer listed.</li>
 * <li>Its size: the envelopes of a batch of its kind being prepared (created, selected or printed, neither dispatched
 * nor withdrawn), given to the first planned dispatch of its kind due today or later; otherwise an estimate, the mean
 * envelopes of the batches of its kinds dispatched in the last year; without any, for the first booklets the
 * contract's quantity (第3章 予定数量 19万0,000冊), and 0 (unknown) for the others.</li>
 * </ul>
 */
@Component
class DispatchCalendar implements PlannedDispatches {

	/** 第3章 ポイント手帳 予定数量: 19万0,000冊, all sent as the first booklets in late August (第4章1(2)ア). */
	static final int INITIAL_BOOKLETS = 190_000;
	/** How far back a planned dispatch never made stays listed as overdue. */
	static final int OVERDUE_MONTHS = 2;
	private static final int PAGE = 500;

	private final ContractDispatches contract;
	private final ObjectProvider<Mailings> mailings;
	private final Clock clock;

	DispatchCalendar(BusinessCalendar calendar, ObjectProvider<Mailings> mailings, ObjectProvider<Clock> clock) {
		this.contract = new ContractDispatches(new DeliverableDates(calendar, 1));
		this.mailings = mailings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public List<Dispatch> between(LocalDate from, LocalDate to) {
		LocalDate today = JapanTime.today(clock);
		YearMonth first = YearMonth.from(from.isBefore(today) ? from : today).minusMonths(OVERDUE_MONTHS);
		YearMonth last = YearMonth.from(to.isAfter(today) ? to : today);
		List<BatchSummary> batches = batchesSince(first.minusMonths(12).atDay(1));
		List<Dispatch> result = new ArrayList<>();
		for (BatchSummary b : batches) {
			if (b.status() == BatchStatus.DISPATCHED && !b.dispatchedOn().isBefore(from) && !b.dispatchedOn().isAfter(to)) {
				result.add(new Dispatch(b.dispatchedOn(), null, kindOf(b.kind()), b.kindLabel(), b.envelopes(), true,
						false, false));
			}
		}
		Set<Long> preparedTaken = new HashSet<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			for (Planned p : plannedIn(month, batches, today, preparedTaken)) {
				if (p.fulfilled) {
					continue;
				}
				boolean overdue = p.plan.due().isBefore(today);
				LocalDate on = overdue ? today : p.plan.due();
				if (on.isBefore(from) || on.isAfter(to)) {
					continue;
				}
				int pieces = p.prepared > 0 ? p.prepared : estimate(p.plan, batches, today);
				result.add(new Dispatch(on, p.plan.due(), p.plan.kind(), p.plan.label() + "（" + p.plan.window() + "）",
						pieces, false, p.prepared <= 0, overdue));
			}
		}
		result.sort(Comparator.comparing(Dispatch::on).thenComparing(Dispatch::kind));
		return result;
	}

	/** Planned dispatches past their due date and not made, oldest first (at most two months back). */
	List<Dispatch> overdue(LocalDate today) {
		return between(today, today).stream().filter(Dispatch::overdue)
				.sorted(Comparator.comparing(Dispatch::due)).toList();
	}

	/** A planned dispatch with whether a batch fulfilled it and the envelopes of a batch being prepared for it. */
	private static final class Planned {
		final PlannedDispatch plan;
		boolean fulfilled;
		int prepared;

		Planned(PlannedDispatch plan) {
			this.plan = plan;
		}
	}

	private List<Planned> plannedIn(YearMonth month, List<BatchSummary> batches, LocalDate today, Set<Long> taken) {
		List<Planned> planned = contract.plannedIn(month).stream().map(Planned::new).toList();
		List<BatchSummary> sent = batches.stream().filter(b -> b.status() == BatchStatus.DISPATCHED
				&& YearMonth.from(b.dispatchedOn()).equals(month)).sorted(Comparator.comparing(BatchSummary::dispatchedOn))
				.toList();
		for (BatchSummary b : sent) {
			planned.stream().filter(p -> !p.fulfilled && p.plan.mailingKinds().contains(b.kind())).findFirst()
					.ifPresent(p -> p.fulfilled = true);
		}
		for (BatchSummary b : batches) {
			if (!taken.contains(b.id()) && (b.status() == BatchStatus.NEW || b.status().open())) {
				planned.stream().filter(p -> !p.fulfilled && !p.plan.due().isBefore(today)
						&& p.plan.mailingKinds().contains(b.kind())).findFirst().ifPresent(p -> {
							p.prepared += b.envelopes();
							taken.add(b.id());
						});
			}
		}
		return planned;
	}

	private int estimate(PlannedDispatch plan, List<BatchSummary> batches, LocalDate today) {
		var sent = batches.stream().filter(b -> b.status() == BatchStatus.DISPATCHED
				&& plan.mailingKinds().contains(b.kind()) && b.dispatchedOn().isAfter(today.minusYears(1)))
				.mapToInt(BatchSummary::envelopes).summaryStatistics();
		if (sent.getCount() > 0) {
			return (int) Math.round(sent.getAverage());
		}
		return plan.mailingKinds().contains("BOOKLET_INITIAL") ? INITIAL_BOOKLETS : 0;
	}

	/** The group of callers a mailing kind makes call (the surge is measured per group). */
	static String kindOf(String mailingKind) {
		if (mailingKind.startsWith("BOOKLET_")) {
			return PlannedDispatch.BOOKLET;
		}
		return switch (mailingKind) {
			case "SUBSIDY_APPLICATION" -> PlannedDispatch.APPLICATION;
			case "GRANT_NOTICE", "NON_GRANT_NOTICE" -> PlannedDispatch.DECISION;
			case MailingKind.POINTS_NOTICE, MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM -> PlannedDispatch.NOTICE;
			default -> mailingKind;
		};
	}

	/** The batches created since the day, read as the application (the list names nobody). */
	private List<BatchSummary> batchesSince(LocalDate since) {
		Mailings source = mailings.getIfAvailable();
		if (source == null) {
			return List.of();
		}
		return CurrentUser.callAsSystem(() -> {
			List<BatchSummary> all = new ArrayList<>();
			for (int offset = 0;; offset += PAGE) {
				List<BatchSummary> page = source.batches(offset, PAGE);
				for (BatchSummary b : page) {
					if (b.createdAt().atZoneSameInstant(JapanTime.ZONE).toLocalDate().isBefore(since)) {
						return all;
					}
					all.add(b);
				}
				if (page.size() < PAGE) {
					return all;
				}
			}
		}, "FLOOR_MANAGER");
	}
}
