package jp.ikiiki.desk.payments.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.payments.BankMaster;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.progress.ProgressUpdates;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.progress.ProgressUpdates.BankDetails;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the payments hand to the progress record (別紙3), in the caller's transaction:
 * <ul>
 * <li>a verified account form → 口座受付日 (col 51) and the bank details (cols 78–81) in every open year the person
 * has verified points for (the account is the person's, the columns are per year); with none yet, the year the form
 * was received in. A year whose points are verified later gets them when its payment run is delivered.</li>
 * <li>a delivered payment run → per paid person and year 支払予定日 (col 53, the transfer date) and 抽出日 (col 83,
 * the day the run's data was extracted), and cols 51 and 78–81 of the account paid into.</li>
 * <li>a confirmed run (the bank's result imported, or a floor manager's confirmation) → 振込有無 (col 54) = 1 for
 * every payment of it not returned. A return recorded after the confirmation marks the payment failed but cannot take
 * col 54 back: the progress module offers no call that clears it.</li>
 * <li>a dispatched reminder (第8章6) → 不備状送付日 (col 52), the dispatch date, not the day a form was found
 * faulty.</li>
 * </ul>
 */
@Component
class ProgressEntries {

	private final JdbcClient jdbc;
	private final ProgressUpdates progress;
	private final ProgressRecords records;
	private final BankMaster master;
	private final BusinessYears years;
	private final BusinessCalendar calendar;

	ProgressEntries(JdbcClient jdbc, ProgressUpdates progress, ProgressRecords records, BankMaster master,
			BusinessYears years, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.progress = progress;
		this.records = records;
		this.master = master;
		this.years = years;
		this.calendar = calendar;
	}

	/** An account row as the progress record needs it. */
	private record Account(String addressNumber, String bankCode, String branchCode, String holder,
			LocalDate receivedOn) {
	}

	/** The account made from the verified form {@code formId}. */
	void accountVerified(long formId) {
		Optional<Account> found = jdbc.sql("""
				select a.address_number, a.bank_code, a.branch_code, a.holder_kana, f.received_on
				from payee_account a join account_form f on f.id = a.form_id
				where a.form_id = :f and a.state = 'VALID'""").param("f", formId)
				.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, LocalDate.class))).optional();
		if (found.isEmpty()) {
			return;
		}
		Account a = found.get();
		Set<Integer> open = years.open().stream().map(BusinessYear::year).collect(Collectors.toSet());
		List<Integer> payable = jdbc.sql("select business_year from payable_year where address_number = :a"
				+ " and amount_yen > 0 order by business_year").param("a", a.addressNumber()).query(Integer.class)
				.list().stream().filter(open::contains).toList();
		List<Integer> targets = payable.isEmpty() ? List.of(calendar.businessYearOf(a.receivedOn())) : payable;
		for (int year : targets) {
			progress.accountReceived(AddressNumber.parse(a.addressNumber()), year, a.receivedOn(), details(a));
		}
	}

	/** The run {@code runId} was delivered: its scheduled payments are planned for the transfer date. */
	void runDelivered(long runId) {
		record Planned(Account account, int year, LocalDate transferDate, LocalDate extractedOn) {
		}
		List<Planned> planned = jdbc.sql("""
				select p.address_number, a.bank_code, a.branch_code, a.holder_kana, f.received_on, p.business_year,
				  r.transfer_date, r.created_at
				from payment p join payment_run r on r.id = p.run_id join payee_account a on a.id = p.account_id
				  left join account_form f on f.id = a.form_id
				where p.run_id = :r and p.state = 'SCHEDULED' order by p.seq""").param("r", runId)
				.query((rs, n) -> new Planned(new Account(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getObject(5, LocalDate.class)), rs.getInt(6),
						rs.getObject(7, LocalDate.class),
						rs.getObject(8, OffsetDateTime.class).atZoneSameInstant(JapanTime.ZONE).toLocalDate()))
				.list();
		for (Planned p : planned) {
			AddressNumber subject = AddressNumber.parse(p.account().addressNumber());
			if (p.account().receivedOn() != null) {
				progress.accountReceived(subject, p.year(), p.account().receivedOn(), details(p.account()));
			}
			progress.paymentPlanned(subject, p.year(), p.transferDate(), p.extractedOn());
		}
	}

	/**
	 * The predecessor's booklets of {@code businessYear} received before the switch (第9章1(1), opening balances) that
	 * are not marked paid become payable years like a verified booklet: amount 支払金額 (col 75), receipt 手帳受付日
	 * (col 50). A year the tally already keeps for the person is left as the tally has it. Called by the payment run
	 * under its lock, before it judges the payable years.
	 */
	void takeCarriedOver(int businessYear) {
		record Opening(String addressNumber, long amountYen, LocalDate receivedOn) {
		}
		List<Opening> carried = new java.util.ArrayList<>();
		records.forEachCarriedOver(businessYear, b -> {
			Integer amount = b.record().number(YearColumns.AMOUNT);
			if (!b.paid() && amount != null && amount > 0 && b.receivedOn() != null) {
				carried.add(new Opening(b.addressNumber(), amount, b.receivedOn()));
			}
		});
		for (Opening o : carried) {
			jdbc.sql("""
					insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)
					values (:a, :y, :amount, :on, now()) on conflict do nothing""")
					.param("a", o.addressNumber()).param("y", businessYear).param("amount", o.amountYen())
					.param("on", o.receivedOn()).update();
		}
	}

	/**
	 * The bank carried out the run {@code runId} (its result came back, or a floor manager confirmed it): 振込有無
	 * (col 54) = 1, paid on the transfer date, per payment not returned.
	 */
	void runConfirmed(long runId, LocalDate transferDate) {
		record Paid(String addressNumber, int year) {
		}
		List<Paid> paid = jdbc.sql("select address_number, business_year from payment where run_id = :r"
				+ " and state = 'SCHEDULED' order by seq").param("r", runId)
				.query((rs, n) -> new Paid(rs.getString(1), rs.getInt(2))).list();
		for (Paid p : paid) {
			progress.paid(AddressNumber.parse(p.addressNumber()), p.year(), transferDate);
		}
	}

	/** A payment of a confirmed run came back from the bank: 振込有無 (col 54) is blank again. */
	void transferReturned(String addressNumber, int businessYear) {
		progress.transferReturned(AddressNumber.parse(addressNumber), businessYear);
	}

	/** The reminder of {@code businessYear} was sent to the person on {@code sentOn}: 不備状送付日 (col 52). */
	void reminderSent(String addressNumber, int businessYear, LocalDate sentOn) {
		progress.deficiencyNoticeSent(AddressNumber.parse(addressNumber), businessYear, sentOn);
	}

	private BankDetails details(Account a) {
		String bankName = master.bank(a.bankCode()).map(BankMaster.Bank::name).orElse("");
		return new BankDetails(a.bankCode(), bankName, a.branchCode(), a.holder());
	}
}
