package jp.ikiiki.desk.payments.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.payments.AccountReminders;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link AccountReminders}: the due list from the payable years, forms, accounts and reminders of the year. */
@Service
class ReminderService implements AccountReminders {

	static final String CHANNEL = "口座登録再通知";
	static final String ALREADY_REMINDED = "ALREADY_REMINDED";
	static final String FORM_IN_KEYING = "FORM_IN_KEYING";
	/** The longest part of a form's faults or a bank's reason printed on the letter. */
	private static final int DETAIL_PRINTED = 80;

	private final JdbcClient jdbc;
	private final BusinessYears years;
	private final Mailings mailings;
	private final ProgressRecords records;
	private final ProgressEntries progress;
	private final AuditTrail audit;
	private final PaymentsClock clock;

	ReminderService(JdbcClient jdbc, BusinessYears years, Mailings mailings, ProgressRecords records,
			ProgressEntries progress, AuditTrail audit, PaymentsClock clock) {
		this.jdbc = jdbc;
		this.years = years;
		this.mailings = mailings;
		this.records = records;
		this.progress = progress;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public DueList due(int businessYear) {
		BusinessYear year = openYear(businessYear);
		DueList list = compute(year);
		List<String> named = new ArrayList<>(list.due().stream().map(Due::addressNumber).toList());
		list.notDue().forEach(n -> named.add(n.addressNumber()));
		audit.record(AuditAction.VIEW, CHANNEL, named, "口座登録再通知の対象 " + businessYear + "年度: 対象 "
				+ list.due().size() + "件, 対象外 " + list.notDue().size() + "件");
		return list;
	}

	private BusinessYear openYear(int businessYear) {
		return years.find(businessYear).orElseThrow(() -> new InvalidInputException("businessYear",
				businessYear + "年度は開いている事業年度ではありません"));
	}

	/** One row of the selection: a person with an amount still due for the year and no valid account. */
	private record Row(String addressNumber, long dueYen, LocalDate noticeOn, String accountState,
			String accountFaultyReason, OffsetDateTime accountFaultyAt, String formState, String[] formFaults,
			LocalDate formFaultyOn, OffsetDateTime formFaultyAt, OffsetDateTime remindedAt, LocalDate remindedOn) {
	}

	private DueList compute(BusinessYear year) {
		int y = year.year();
		// the predecessor's booklets of the year become payable years as a payment run takes them (idempotent)
		progress.takeCarriedOver(y);
		Set<String> carriedNotified = new HashSet<>();
		records.forEachCarriedOver(y, b -> {
			if (b.notified()) {
				carriedNotified.add(b.addressNumber());
			}
		});
		List<Due> due = new ArrayList<>();
		List<NotDue> notDue = new ArrayList<>();
		jdbc.sql("""
				with paid as (
				  select p.address_number, sum(p.amount_yen) as yen from payment p join payment_run r on r.id = p.run_id
				  where p.business_year = :y and p.state = 'SCHEDULED' and r.state <> 'CANCELLED' group by p.address_number),
				latest_form as (
				  select distinct on (address_number) address_number, state, faulty_reasons, faulty_on, faulty_at
				  from account_form order by address_number, received_at desc, id desc),
				reminded as (
				  select distinct on (s.address_number) s.address_number, r.created_at, s.sent_on
				  from account_reminder_subject s join account_reminder r on r.id = s.reminder_id
				  where s.business_year = :y and r.state <> 'CANCELLED' and s.outcome = 'MAILED'
				  order by s.address_number, r.created_at desc)
				select y.address_number, y.amount_yen - coalesce(paid.yen, 0) as due, n.sent_on as notice_on,
				  a.state as account_state, a.faulty_reason, a.faulty_at as account_faulty_at,
				  f.state as form_state, f.faulty_reasons, f.faulty_on, f.faulty_at as form_faulty_at,
				  rm.created_at as reminded_at, rm.sent_on as reminded_on
				from payable_year y
				left join paid on paid.address_number = y.address_number
				left join payment_notice_sent n on n.business_year = y.business_year and n.address_number = y.address_number
				left join payee_account a on a.address_number = y.address_number and a.state <> 'REPLACED'
				left join latest_form f on f.address_number = y.address_number
				left join reminded rm on rm.address_number = y.address_number
				where y.business_year = :y and y.amount_yen - coalesce(paid.yen, 0) > 0
				  and (a.state is null or a.state <> 'VALID')
				order by y.address_number""").param("y", y).query((RowCallbackHandler) rs -> {
					java.sql.Array faults = rs.getArray("faulty_reasons");
					Row row = new Row(rs.getString("address_number"), rs.getLong("due"),
							rs.getObject("notice_on", LocalDate.class), rs.getString("account_state"),
							rs.getString("faulty_reason"), rs.getObject("account_faulty_at", OffsetDateTime.class),
							rs.getString("form_state"), faults == null ? null : (String[]) faults.getArray(),
							rs.getObject("faulty_on", LocalDate.class),
							rs.getObject("form_faulty_at", OffsetDateTime.class),
							rs.getObject("reminded_at", OffsetDateTime.class),
							rs.getObject("reminded_on", LocalDate.class));
					judge(row, carriedNotified, due, notDue);
				});
		Map<Reason, Integer> byReason = new EnumMap<>(Reason.class);
		for (Reason r : Reason.values()) {
			byReason.put(r, 0);
		}
		due.forEach(d -> byReason.merge(d.reason(), 1, Integer::sum));
		return new DueList(y, due, notDue, byReason);
	}

	/** Decides one person: due (with the reason), not due now (with why), or not a reminder's business at all. */
	private static void judge(Row r, Set<String> carriedNotified, List<Due> due, List<NotDue> notDue) {
		// 第8章6 asks those told of their points: without the notice, the account form comes with the notice (第8章4)
		LocalDate noticeOn = r.noticeOn();
		if (noticeOn == null && !carriedNotified.contains(r.addressNumber())) {
			return;
		}
		if (r.formState() != null && !r.formState().equals("VERIFIED") && !r.formState().equals("FAULTY")) {
			notDue.add(new NotDue(r.addressNumber(), FORM_IN_KEYING, null));
			return;
		}
		boolean returned = "FAULTY".equals(r.accountState()) && r.accountFaultyAt() != null;
		boolean faultyForm = "FAULTY".equals(r.formState()) && r.formFaultyAt() != null;
		Reason reason;
		OffsetDateTime wentWrong;
		String detail;
		LocalDate since;
		if (returned && (!faultyForm || !r.formFaultyAt().isAfter(r.accountFaultyAt()))) {
			reason = Reason.RETURNED;
			wentWrong = r.accountFaultyAt();
			String why = r.accountFaultyReason() == null ? "" : r.accountFaultyReason();
			detail = why.startsWith("振込不能: ") ? why.substring("振込不能: ".length()) : why;
			since = wentWrong.atZoneSameInstant(jp.ikiiki.desk.shared.JapanTime.ZONE).toLocalDate();
		} else if (faultyForm) {
			reason = Reason.FAULTY_FORM;
			wentWrong = r.formFaultyAt();
			detail = r.formFaults() == null ? "" : String.join("、", r.formFaults());
			since = r.formFaultyOn();
		} else {
			reason = Reason.NO_FORM;
			wentWrong = null;
			detail = "";
			since = noticeOn;
		}
		// reminded for the year after it last went wrong: not again until something new goes wrong
		if (r.remindedAt() != null && (wentWrong == null || !r.remindedAt().isBefore(wentWrong))) {
			notDue.add(new NotDue(r.addressNumber(), ALREADY_REMINDED, r.remindedOn()));
			return;
		}
		due.add(new Due(r.addressNumber(), reason, detail, r.dueYen(), since));
	}

	@Override
	@Transactional
	public Reminder start(int businessYear, LocalDate instructedOn, String instruction) {
		BusinessYear year = openYear(businessYear);
		if (instructedOn == null) {
			throw new InvalidInputException("instructedOn", "発注者の指示日を入力してください");
		}
		if (instructedOn.isAfter(clock.today())) {
			throw new InvalidInputException("instructedOn", "発注者の指示日に未来の日付（" + instructedOn + "）は指定できません");
		}
		if (instructedOn.isBefore(year.start())) {
			throw new InvalidInputException("instructedOn", "発注者の指示日（" + instructedOn + "）が" + year.label()
					+ "の開始日（" + year.start() + "）より前です");
		}
		String note = instruction == null ? "" : instruction.strip();
		if (ControlCharacters.contains(note)) {
			throw new InvalidInputException("instruction", "指示の内容に制御文字（"
					+ ControlCharacters.name(note.charAt(ControlCharacters.indexOf(note))) + "）が含まれています");
		}
		if (note.length() > 200) {
			throw new InvalidInputException("instruction", "指示の内容は200文字までです（" + note.length() + "文字）");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext('payments.reminder'), :y)").param("y", businessYear)
				.query(Object.class).optional();
		if (jdbc.sql("select count(*) from account_reminder where business_year = :y and state = 'SELECTED'")
				.param("y", businessYear).query(Long.class).single() > 0) {
			throw new StateConflictException(year.label() + "の口座登録再通知に未発送のものがあります。"
					+ "郵送物の画面で発送済にするか取り消してから開始してください");
		}
		DueList list = compute(year);
		if (list.due().isEmpty()) {
			throw new InvalidInputException("businessYear", year.label() + "に口座登録再通知の対象者はいません");
		}
		Map<String, Map<String, String>> given = new LinkedHashMap<>();
		for (Due d : list.due()) {
			var f = new LinkedHashMap<String, String>();
			f.put(PrintFields.BUSINESS_YEAR, BusinessYear.labelOf(businessYear));
			f.put(PrintFields.PAYMENT_AMOUNT, String.format("%,d", d.amountYen()));
			f.put(PrintFields.NOTICE_NOTE, letter(d, businessYear));
			given.put(d.addressNumber(), f);
		}
		String title = year.label() + " 口座登録再通知（指示日 " + instructedOn + "）";
		long batchId = asOperator(() -> mailings.create(new NewBatch(MailingKind.ACCOUNT_REMINDER, title, 0, List.of(),
				List.of(), businessYear, given), CHANNEL));
		asOperator(() -> mailings.select(batchId, MailingProgress.NONE, CHANNEL));
		Map<String, String> leftOut = new LinkedHashMap<>();
		for (int offset = 0;; ) {
			final int from = offset;
			List<Exclusion> page = asOperator(() -> mailings.exclusions(batchId, from, 1_000, CHANNEL));
			for (Exclusion e : page) {
				leftOut.put(e.subjectId(), e.reason().label() + (e.detail() == null ? "" : "（" + e.detail() + "）"));
			}
			if (page.size() < 1_000) {
				break;
			}
			offset += page.size();
		}
		long id = jdbc.sql("""
				insert into account_reminder (business_year, instructed_on, instruction, batch_id, state, reminded, left_out,
				  created_by, created_at) values (:y, :on, :note, :batch, 'SELECTED', :n, :left, :by, :at) returning id""")
				.param("y", businessYear).param("on", instructedOn).param("note", note).param("batch", batchId)
				.param("n", list.due().size() - leftOut.size()).param("left", leftOut.size())
				.param("by", CurrentUser.name()).param("at", clock.at()).query(Long.class).single();
		for (Due d : list.due()) {
			String excluded = leftOut.get(d.addressNumber());
			jdbc.sql("""
					insert into account_reminder_subject (reminder_id, address_number, business_year, reason, detail,
					  amount_yen, outcome, excluded_reason) values (:id, :a, :y, :reason, :detail, :yen, :outcome, :why)""")
					.param("id", id).param("a", d.addressNumber()).param("y", businessYear).param("reason", d.reason().name())
					.param("detail", d.detail()).param("yen", d.amountYen())
					.param("outcome", excluded == null ? "MAILED" : "EXCLUDED").param("why", excluded).update();
		}
		audit.record(AuditAction.CREATE, CHANNEL, list.due().stream().map(Due::addressNumber).toList(),
				"口座登録再通知 " + id + " 開始: " + businessYear + "年度, 指示日 " + instructedOn + ", 郵送物 " + batchId + ", "
						+ (list.due().size() - leftOut.size()) + "件, 発送対象外 " + leftOut.size() + "件");
		return reminder(id);
	}

	/** The sentences printed for the person: what is wrong and what to do (the rest of the letter is the layout's). */
	static String letter(Due d, int businessYear) {
		String detail = d.detail().length() > DETAIL_PRINTED ? d.detail().substring(0, DETAIL_PRINTED) + "…" : d.detail();
		String year = BusinessYear.labelOf(businessYear);
		return switch (d.reason()) {
			case NO_FORM -> year + "の奨励金をお支払いするための口座登録用紙が、まだ届いていません。";
			case FAULTY_FORM -> "ご返送いただいた口座登録用紙の記入内容に不備があったため、" + year + "の奨励金をお支払いできていません。"
					+ (detail.isEmpty() ? "" : "不備の内容：" + detail + "。");
			case RETURNED -> "ご登録の口座へ" + year + "の奨励金をお振込みしましたが、金融機関から返却されました。"
					+ (detail.isEmpty() ? "" : "返却の理由：" + detail + "。");
		} + "お手数ですが、改めて口座をご登録ください。";
	}

	/** Mailings are made by operators, as the signed-in operator (the mailing's own audit names them). */
	private static <T> T asOperator(Supplier<T> work) {
		return work.get();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Reminder> reminders(int limit) {
		return jdbc.sql("select * from account_reminder order by created_at desc, id desc limit :n")
				.param("n", Math.max(1, Math.min(limit, 200))).query((rs, n) -> reminder(rs)).list();
	}

	private Reminder reminder(long id) {
		return jdbc.sql("select * from account_reminder where id = :id").param("id", id).query((rs, n) -> reminder(rs))
				.single();
	}

	private static Reminder reminder(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Reminder(rs.getLong("id"), rs.getInt("business_year"), rs.getObject("instructed_on", LocalDate.class),
				rs.getString("instruction"), rs.getLong("batch_id"), rs.getString("state"), rs.getInt("reminded"),
				rs.getInt("left_out"), rs.getString("created_by"), rs.getObject("dispatched_on", LocalDate.class));
	}
}
