package jp.ikiiki.desk.notices.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchCancelled;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.notices.DueNotice;
import jp.ikiiki.desk.notices.NoticeRunPhase;
import jp.ikiiki.desk.notices.NoticeRunRequest;
import jp.ikiiki.desk.notices.NoticeRunResult;
import jp.ikiiki.desk.notices.NoticeRunResult.NotNotified;
import jp.ikiiki.desk.notices.NoticeRunResult.Overdue;
import jp.ikiiki.desk.notices.NoticeRunSummary;
import jp.ikiiki.desk.notices.NoticeRuns;
import jp.ikiiki.desk.notices.NoticesProperties;
import jp.ikiiki.desk.notices.RegisteredAccounts;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.progress.CarriedOverBooklet;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.progress.ProgressYear;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectRoster;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.NoticeCandidate;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.TallyProperties;
import jp.ikiiki.desk.tally.YearPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of a notice run (第8章1–4), from the selection to the recorded result: the tally's verified booklets not yet
 * notified are read and grouped per person, the zero-point rule of 第8章3 applied (no stamp at all: no notice; every
 * stamp void: a notice of 0 points), the account form enclosed for those with points that no
 * {@link RegisteredAccounts} knows (第8章4), the mailing batches made and selected, then the 獲得ポイント通知一覧
 * written from what the selection kept, and the booklets recorded as taken with the run's result in one transaction
 * (so that nothing of an interrupted run is taken).
 * <p>
 * The predecessor's booklets loaded as opening balances (第9章1(1), {@link ProgressRecords#forEachCarriedOver}) are
 * taken alongside: a person-year not marked notified or paid by the predecessor and not yet taken gets the same notice
 * and list row from its figures (別紙3 cols 55–75; city receipt date col 50, due a month after it). A person with a
 * tally booklet of the year gets one notice with the tally's figures (the tally wins, as in the payment runs).
 */
@Component
class NoticeRunWork {

	static final String NO_STAMPS = "スタンプの押印がない手帳のため通知しません（第8章3）";

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final PointTotals totals;
	private final Mailings mailings;
	private final SubjectRoster roster;
	private final List<RegisteredAccounts> accounts;
	private final NoticesProperties properties;
	private final TallyProperties tally;
	private final ProgressRecords progress;
	private final ObjectMapper json;

	NoticeRunWork(JdbcClient jdbc, TransactionTemplate tx, PointTotals totals, Mailings mailings, SubjectRoster roster,
			List<RegisteredAccounts> accounts, NoticesProperties properties, TallyProperties tally,
			ProgressRecords progress) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.totals = totals;
		this.mailings = mailings;
		this.roster = roster;
		this.accounts = List.copyOf(accounts);
		this.properties = properties;
		this.tally = tally;
		this.progress = progress;
		this.json = NoticeRunService.JSON;
	}

	/** One person's booklets of the run: the tally's verified booklets, or the year carried over from the predecessor. */
	private record Person(String addressNumber, List<NoticeCandidate> booklets, Carried carried) {

		YearPoints year() {
			return carried != null ? carried.year() : booklets.get(0).year();
		}

		boolean notifies() {
			// a carried-over year knows no void stamps: points 0 is "no stamp at all" (第8章3)
			return carried != null ? carried.year().total() > 0 : booklets.stream().anyMatch(b -> b.decision().notifies());
		}

		Due earliestDue() {
			if (carried != null) {
				return new Due("", carried.receivedOn(), carried.receivedOn().plusMonths(1));
			}
			NoticeCandidate c = booklets.stream().min(Comparator.comparing(NoticeCandidate::dueBy)).orElseThrow();
			return new Due(c.managementNumber(), c.receivedOn(), c.dueBy());
		}
	}

	/** The booklet that sets a person's due date (第8章2: a month after the city's receipt date). */
	private record Due(String managementNumber, LocalDate receivedOn, LocalDate dueBy) {
	}

	/** A predecessor's booklet carried over: its figures as a year's points, and the city's receipt date (col 50). */
	private record Carried(YearPoints year, LocalDate receivedOn) {
	}

	static final String CARRIED_INCOMPLETE = "引継ぎデータ（別紙3 55〜75列）のポイントが欠けているか合計と合わないため通知できません。"
			+ "進捗記録を確認してください（第9章1(1)）";

	/**
	 * The figures of a carried-over year (別紙3 cols 55–75, points) as the notice prints them, or null when they are
	 * incomplete or inconsistent: every points column a number (an empty kind counts 0), 4P a multiple of 4, 2P and
	 * each check-up a multiple of 2, the check-up subtotal (col 71, if given) their sum, the kinds adding up to the total
	 * (col 73), cap (col 74) and amount (col 75) given.
	 */
	static YearPoints carriedFigures(CarriedOverBooklet b) {
		ProgressYear r = b.record();
		Integer total = r.number(YearColumns.TOTAL);
		Integer cap = r.number(YearColumns.CAP);
		Integer amount = r.number(YearColumns.AMOUNT);
		if (total == null || cap == null || amount == null) {
			return null;
		}
		int[] kinds = new int[YearColumns.HEALTH_1P - YearColumns.FIRST_FIGURE + 1];
		for (int col = YearColumns.FIRST_FIGURE; col <= YearColumns.HEALTH_1P; col++) {
			if (r.value(col).isEmpty()) {
				continue;
			}
			Integer v = r.number(col);
			if (v == null) {
				return null;
			}
			kinds[col - YearColumns.FIRST_FIGURE] = v;
		}
		int p4 = kinds[0];
		int p2 = kinds[1];
		List<Integer> checkups = new ArrayList<>(14);
		int checkupSum = 0;
		for (int k = 0; k < 14; k++) {
			int v = kinds[2 + k];
			if (v % 2 != 0) {
				return null;
			}
			checkups.add(v / 2);
			checkupSum += v;
		}
		int subtotal = kinds[YearColumns.CHECKUP_SUBTOTAL - YearColumns.FIRST_FIGURE];
		int p1 = kinds[YearColumns.HEALTH_1P - YearColumns.FIRST_FIGURE];
		boolean subtotalGiven = !r.value(YearColumns.CHECKUP_SUBTOTAL).isEmpty();
		if (p4 % 4 != 0 || p2 % 2 != 0 || (subtotalGiven && subtotal != checkupSum)
				|| p4 + p2 + checkupSum + p1 != total) {
			return null;
		}
		int credited = Math.min(total, cap);
		return new YearPoints(b.addressNumber(), b.businessYear(), new StampCounts(p4 / 4, p2 / 2, checkups, p1, 0),
				total, cap, null, credited, total - credited, amount, YearPoints.State.VERIFIED, 1, 1);
	}

	/**
	 * The run's work, from the selection to the recorded result. The batches it makes are added to {@code batches} (and
	 * kept on the run's row) as they are made, for the caller to withdraw if the run fails.
	 */
	NoticeRunResult work(BusinessYear year, NoticeRunRequest request, LocalDate today, String channel, List<Long> batches,
			RunProgress tracker) {
		long runId = tracker.runId();
		Set<Long> taken = new HashSet<>(jdbc.sql("select booklet_id from notice_booklet where business_year = :year and booklet_id is not null "
				+ "and released_at is null").param("year", year.year()).query(Long.class).list());
		Map<String, Person> people = new TreeMap<>();
		totals.forEachDueForNotice(year.year(), c -> {
			if (!taken.contains(c.bookletId())) {
				people.computeIfAbsent(c.addressNumber(), a -> new Person(a, new ArrayList<>(), null)).booklets().add(c);
			}
		});
		// 第9章1(1): the predecessor's booklets of the year; a year the tally keeps (taken now or before) is the tally's
		Set<String> carriedTaken = new HashSet<>(jdbc.sql("select subject_id from notice_booklet where business_year = :year "
				+ "and released_at is null").param("year", year.year()).query(String.class).list());
		Map<String, LocalDate> incomplete = new TreeMap<>();
		progress.forEachCarriedOver(year.year(), b -> {
			if (b.notified() || b.paid() || b.receivedOn() == null || people.containsKey(b.addressNumber())
					|| carriedTaken.contains(b.addressNumber())) {
				return;
			}
			YearPoints figures = carriedFigures(b);
			if (figures == null) {
				incomplete.put(b.addressNumber(), b.receivedOn());
			} else {
				people.put(b.addressNumber(), new Person(b.addressNumber(), List.of(), new Carried(figures, b.receivedOn())));
			}
		});
		Map<String, MailingSubject> subjects = new LinkedHashMap<>();
		Set<String> looked = new java.util.TreeSet<>(people.keySet());
		looked.addAll(incomplete.keySet());
		for (MailingSubject s : roster.find(looked)) {
			subjects.put(s.addressNumber(), s);
		}
		// 第8章4: the account form for those with points whom no account keeper knows
		List<AddressNumber> withPoints = people.values().stream().filter(Person::notifies)
				.filter(p -> p.year().credited() > 0).map(p -> new AddressNumber(p.addressNumber())).toList();
		Set<String> withAccount = new HashSet<>();
		for (RegisteredAccounts a : accounts) {
			a.withUsableAccount(withPoints, year).forEach(n -> withAccount.add(n.value()));
		}
		var plain = new LinkedHashMap<String, Map<String, String>>();
		var withForm = new LinkedHashMap<String, Map<String, String>>();
		Map<String, String> leftOut = new TreeMap<>();
		for (Person p : people.values()) {
			if (!p.notifies()) {
				leftOut.put(p.addressNumber(), NO_STAMPS);
				continue;
			}
			boolean form = p.year().credited() > 0 && !withAccount.contains(p.addressNumber());
			(form ? withForm : plain).put(p.addressNumber(), NoticeFields.of(p.year(), form, tally.checkupLabels()));
		}
		tracker.selected(people.size() + incomplete.size(), plain.size() + withForm.size());
		String title = year.label() + " 獲得ポイント通知 " + request.month().getYear() + "年" + request.month().getMonthValue()
				+ "月" + request.half().label();
		long noticeBatch = batch(MailingKind.POINTS_NOTICE, title, year, plain, channel, batches, leftOut, tracker, 0);
		long formBatch = batch(MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM, title + "（口座登録用紙同封）", year, withForm,
				channel, batches, leftOut, tracker, plain.size());
		tracker.phase(NoticeRunPhase.LISTING);

		List<String> notified = new ArrayList<>();
		List<String> formed = new ArrayList<>();
		List<NoticeList.Line> lines = new ArrayList<>();
		List<NoticeList.Left> left = new ArrayList<>();
		List<Overdue> overdue = new ArrayList<>();
		LocalDate horizon = today.plusDays(properties.dueSoonDays());
		for (Person p : people.values()) {
			Due due = p.earliestDue();
			String name = subjects.containsKey(p.addressNumber()) ? subjects.get(p.addressNumber()).nameKanji() : "";
			String reason = leftOut.get(p.addressNumber());
			if (reason == null) {
				boolean form = withForm.containsKey(p.addressNumber());
				notified.add(p.addressNumber());
				if (form) {
					formed.add(p.addressNumber());
				}
				lines.add(new NoticeList.Line(p.addressNumber(), name, due.managementNumber(), p.year(), form,
						due.receivedOn(), due.dueBy(), NoticeFields.note(p.year(), false)));
			} else {
				left.add(new NoticeList.Left(p.addressNumber(), name, due.managementNumber(), due.receivedOn(), reason));
			}
			if (!due.dueBy().isAfter(horizon)) {
				overdue.add(new Overdue(p.addressNumber(), due.managementNumber(), due.receivedOn(), due.dueBy(),
						ChronoUnit.DAYS.between(today, due.dueBy())));
			}
		}
		overdue.sort(Comparator.comparing(Overdue::dueBy).thenComparing(Overdue::addressNumber));
		// carried-over years whose figures cannot be printed: listed, not taken (the next run takes them once corrected)
		for (var e : incomplete.entrySet()) {
			String name = subjects.containsKey(e.getKey()) ? subjects.get(e.getKey()).nameKanji() : "";
			left.add(new NoticeList.Left(e.getKey(), name, "", e.getValue(), CARRIED_INCOMPLETE));
			leftOut.put(e.getKey(), CARRIED_INCOMPLETE);
		}
		List<NotNotified> notNotified = leftOut.entrySet().stream().map(e -> new NotNotified(e.getKey(), e.getValue()))
				.toList();
		byte[] xlsx = NoticeList.write(title + "（作成日 " + today + "）", lines, left, tracker::listedOne);
		tracker.phase(NoticeRunPhase.RECORDING);
		var result = new NoticeRunResult(runId, year.year(), request.month().toString(), request.half(), notified, formed,
				notNotified, overdue, noticeBatch, formBatch);
		tx.executeWithoutResult(s -> {
			for (Person p : people.values()) {
				String outcome = leftOut.containsKey(p.addressNumber())
						? (NO_STAMPS.equals(leftOut.get(p.addressNumber())) ? "NO_STAMPS" : "EXCLUDED")
						: withForm.containsKey(p.addressNumber()) ? "WITH_FORM" : "NOTIFIED";
				Long batch = switch (outcome) {
					case "WITH_FORM" -> formBatch;
					case "NOTIFIED" -> noticeBatch;
					default -> null;
				};
				if (p.carried() != null) {
					jdbc.sql("""
							insert into notice_booklet (carried_address_number, run_id, business_year, subject_id, outcome,
							  batch_id) values (:subject, :run, :year, :subject, :outcome, :batch)""")
							.param("run", runId).param("year", year.year()).param("subject", p.addressNumber())
							.param("outcome", outcome).param("batch", batch).update();
				}
				for (NoticeCandidate c : p.booklets()) {
					jdbc.sql("""
							insert into notice_booklet (booklet_id, run_id, business_year, subject_id, outcome, batch_id)
							values (:booklet, :run, :year, :subject, :outcome, :batch)""").param("booklet", c.bookletId())
							.param("run", runId).param("year", year.year()).param("subject", p.addressNumber())
							.param("outcome", outcome).param("batch", batch).update();
				}
			}
			int done = jdbc.sql("""
					update notice_run set status = 'DONE', phase = 'FINISHED', finished_at = now(), updated_at = now(),
					notice_batch_id = :nb, form_batch_id = :fb, batched = :batched, listed = :listed,
					notified = :n, with_form = :f, not_notified = :x, overdue = :o, list_xlsx = :xlsx,
					result = cast(:result as jsonb) where id = :id and status = 'RUNNING'""")
					.param("batched", tracker.batched()).param("listed", tracker.listed()).param("nb", noticeBatch == 0 ? null : noticeBatch)
					.param("fb", formBatch == 0 ? null : formBatch).param("n", notified.size()).param("f", formed.size())
					.param("x", notNotified.size()).param("o", overdue.size()).param("xlsx", xlsx)
					.param("result", toJson(result)).param("id", runId).update();
			if (done != 1) {
				// a sweep took the run for an orphan: nothing of it may stand (rolls back the booklets taken)
				throw new IllegalStateException("notice run no longer running when recorded");
			}
		});
		return result;
	}

	/** Makes and selects one batch; the subjects it leaves out (deceased, moved out …) go to {@code leftOut}. */
	private long batch(String kind, String title, BusinessYear year, Map<String, Map<String, String>> given,
			String channel, List<Long> batches, Map<String, String> leftOut, RunProgress tracker, int before) {
		if (given.isEmpty()) {
			return 0;
		}
		long id = mailings.create(new NewBatch(kind, title, 0, List.of(), List.of(), year.year(), given), channel);
		batches.add(id);
		tracker.batchMade(MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM.equals(kind), id);
		mailings.select(id, new MailingProgress() {
			@Override
			public void update(long done, long total, String message) {
				tracker.batched(before + (int) Math.min(done, given.size()));
			}

			@Override
			public boolean cancelled() {
				return false;
			}
		}, channel);
		tracker.batched(before + given.size());
		int offset = 0;
		while (true) {
			List<Exclusion> page = mailings.exclusions(id, offset, 1_000, channel);
			for (Exclusion e : page) {
				leftOut.put(e.subjectId(), "発送対象外: " + e.reason().label() + (e.detail() == null ? "" : "（" + e.detail()
						+ "）"));
			}
			if (page.size() < 1_000) {
				return id;
			}
			offset += page.size();
		}
	}

	private String toJson(NoticeRunResult result) {
		try {
			return json.writeValueAsString(result);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("notice run result not serialisable", e);
		}
	}

}
