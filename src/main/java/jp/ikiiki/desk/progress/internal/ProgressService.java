package jp.ikiiki.desk.progress.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.progress.CarriedOverBooklet;
import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.progress.ProgressUpdates;
import jp.ikiiki.desk.progress.ProgressYear;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.PointTotals;
import jp.ikiiki.desk.tally.ProgressFigures;
import jp.ikiiki.desk.tally.YearPoints;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the progress records and the other modules' updates of them. */
@Service
class ProgressService implements ProgressRecords, ProgressUpdates {

	private final ProgressStore store;
	private final PointTotals totals;
	private final BusinessYears years;
	private final AuditTrail audit;

	ProgressService(ProgressStore store, PointTotals totals, BusinessYears years, AuditTrail audit) {
		this.store = store;
		this.totals = totals;
		this.years = years;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProgressYear> find(AddressNumber subject, int businessYear, String channel) {
		Optional<ProgressYear> found = store.find(subject.value(), businessYear);
		audit.record(AuditAction.VIEW, channel, List.of(subject.value()),
				"進捗記録 " + businessYear + "年度; found=" + found.isPresent());
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public List<YearStatement> statement(AddressNumber subject, String channel) {
		Map<Integer, ProgressYear> records = new LinkedHashMap<>();
		for (ProgressYear p : store.ofPerson(subject.value())) {
			records.put(p.businessYear(), p);
		}
		Map<Integer, YearPoints> tally = new LinkedHashMap<>();
		for (YearPoints y : totals.history(subject, channel)) {
			tally.put(y.businessYear(), y);
		}
		var all = new TreeSet<Integer>(Comparator.reverseOrder());
		all.addAll(records.keySet());
		all.addAll(tally.keySet());
		var lines = new ArrayList<YearStatement>();
		for (int year : all) {
			lines.add(line(year, records.get(year), tally.get(year)));
		}
		audit.record(AuditAction.VIEW, channel, List.of(subject.value()), "ポイント・支払状況; years=" + lines.size());
		return lines;
	}

	private YearStatement line(int year, ProgressYear record, YearPoints tally) {
		String label = years.find(year).map(BusinessYear::labelWithStanding).orElse(BusinessYear.labelOf(year));
		boolean fromTally = tally != null && tally.booklets() > 0;
		List<Integer> kinds = new ArrayList<>();
		Integer total;
		Integer cap;
		Integer credited;
		Integer amount;
		if (tally != null && tally.verifiedBooklets() > 0) {
			// The tally's figures as of now (the record follows them a moment after each verify).
			ProgressFigures f = new ProgressFigures(tally.addressNumber(), year, tally);
			kinds.add(f.column(55));
			kinds.add(f.column(56));
			kinds.add(f.column(71));
			kinds.add(f.column(72));
			total = tally.total();
			cap = tally.cap();
			credited = tally.credited();
			amount = Math.toIntExact(tally.amountYen());
		} else if (record != null) {
			kinds.add(record.number(55));
			kinds.add(record.number(56));
			kinds.add(record.number(YearColumns.CHECKUP_SUBTOTAL));
			kinds.add(record.number(YearColumns.HEALTH_1P));
			total = record.number(YearColumns.TOTAL);
			cap = record.number(YearColumns.CAP);
			credited = record.credited();
			amount = record.number(YearColumns.AMOUNT);
		} else {
			kinds.add(null);
			kinds.add(null);
			kinds.add(null);
			kinds.add(null);
			total = null;
			cap = null;
			credited = null;
			amount = null;
		}
		int booklets = fromTally ? tally.booklets()
				: record != null && !record.value(YearColumns.BOOKLET_RECEIVED).isEmpty() ? 1 : 0;
		String state = fromTally ? tally.state().label()
				: record != null ? record.source().label() : YearPoints.State.NONE.label();
		LocalDate received = record == null ? null : record.date(YearColumns.BOOKLET_RECEIVED);
		return new YearStatement(year, label, booklets, state, received, kinds, total, cap, credited, amount,
				record == null ? null : record.noticeSentOn(),
				record == null ? null : record.date(YearColumns.PAYMENT_PLANNED),
				record == null ? null : record.paidOn());
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachCarriedOver(int businessYear, Consumer<CarriedOverBooklet> each) {
		store.forEachOpening(businessYear, p -> each.accept(new CarriedOverBooklet(p.addressNumber(), businessYear,
				p.date(YearColumns.BOOKLET_RECEIVED), p, p.noticeSentOn() != null,
				p.paidOn() != null || "1".equals(p.value(YearColumns.TRANSFERRED)))));
	}

	@Override
	@Transactional
	public void noticeSent(AddressNumber subject, int businessYear, LocalDate sentOn, String acceptanceNumber) {
		checkYear(businessYear);
		String number = text("郵便引受番号", acceptanceNumber, 40);
		store.change(subject.value(), businessYear, ProgressYear.Source.SYSTEM, v -> {
			if (!number.isEmpty()) {
				v.set(YearColumns.index(YearColumns.ACCEPTANCE_NUMBER), number);
			}
			return v;
		}, e -> new ProgressStore.Extra(e.source(), e.tallyBooklets(), required("通知日", sentOn), e.paidOn()));
		audit.record(AuditAction.UPDATE, "進捗記録", List.of(subject.value()), "通知送付 " + businessYear + "年度");
	}

	@Override
	@Transactional
	public void accountReceived(AddressNumber subject, int businessYear, LocalDate receivedOn, BankDetails bank) {
		checkYear(businessYear);
		String received = required("口座受付日", receivedOn).toString();
		String bankCode = digits("金融機関コード", bank == null ? null : bank.bankCode(), 4);
		String bankName = text("金融機関名", bank == null ? null : bank.bankName(), 60);
		String branch = digits("店舗コード", bank == null ? null : bank.branchCode(), 3);
		String holder = text("口座名義人", bank == null ? null : bank.holder(), 60);
		store.change(subject.value(), businessYear, ProgressYear.Source.SYSTEM, v -> {
			v.set(YearColumns.index(YearColumns.ACCOUNT_RECEIVED), received);
			v.set(YearColumns.index(YearColumns.BANK_CODE), bankCode);
			v.set(YearColumns.index(YearColumns.BANK_NAME), bankName);
			v.set(YearColumns.index(YearColumns.BRANCH_CODE), branch);
			v.set(YearColumns.index(YearColumns.ACCOUNT_HOLDER), holder);
			return v;
		}, ProgressStore.ExtraChange.NONE);
		audit.record(AuditAction.UPDATE, "進捗記録", List.of(subject.value()), "口座受付 " + businessYear + "年度");
	}

	@Override
	@Transactional
	public void deficiencyNoticeSent(AddressNumber subject, int businessYear, LocalDate sentOn) {
		checkYear(businessYear);
		String sent = required("不備状送付日", sentOn).toString();
		store.change(subject.value(), businessYear, ProgressYear.Source.SYSTEM, v -> {
			v.set(YearColumns.index(YearColumns.DEFICIENCY_SENT), sent);
			return v;
		}, ProgressStore.ExtraChange.NONE);
		audit.record(AuditAction.UPDATE, "進捗記録", List.of(subject.value()), "不備状送付 " + businessYear + "年度");
	}

	@Override
	@Transactional
	public void paymentPlanned(AddressNumber subject, int businessYear, LocalDate plannedOn, LocalDate extractedOn) {
		checkYear(businessYear);
		String planned = required("支払予定日", plannedOn).toString();
		String extracted = extractedOn == null ? "" : extractedOn.toString();
		store.change(subject.value(), businessYear, ProgressYear.Source.SYSTEM, v -> {
			v.set(YearColumns.index(YearColumns.PAYMENT_PLANNED), planned);
			if (!extracted.isEmpty()) {
				v.set(YearColumns.index(YearColumns.EXTRACTED), extracted);
			}
			return v;
		}, ProgressStore.ExtraChange.NONE);
		audit.record(AuditAction.UPDATE, "進捗記録", List.of(subject.value()), "支払予定 " + businessYear + "年度");
	}

	@Override
	@Transactional
	public void paid(AddressNumber subject, int businessYear, LocalDate paidOn) {
		checkYear(businessYear);
		LocalDate on = required("支払日", paidOn);
		store.change(subject.value(), businessYear, ProgressYear.Source.SYSTEM, v -> {
			v.set(YearColumns.index(YearColumns.TRANSFERRED), "1");
			return v;
		}, e -> new ProgressStore.Extra(e.source(), e.tallyBooklets(), e.noticeSentOn(), on));
		audit.record(AuditAction.UPDATE, "進捗記録", List.of(subject.value()), "支払 " + businessYear + "年度");
	}

	@Override
	@Transactional
	public void transferReturned(AddressNumber subject, int businessYear) {
		checkYear(businessYear);
		store.change(subject.value(), businessYear, ProgressYear.Source.SYSTEM, v -> {
			v.set(YearColumns.index(YearColumns.TRANSFERRED), "");
			return v;
		}, e -> new ProgressStore.Extra(e.source(), e.tallyBooklets(), e.noticeSentOn(), null));
		audit.record(AuditAction.UPDATE, "進捗記録", List.of(subject.value()), "振込不能 " + businessYear + "年度");
	}

	private static void checkYear(int year) {
		if (year < 1990 || year > 2999) {
			throw new InvalidInputException("businessYear", "年度が正しくありません: " + year);
		}
	}

	private static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidInputException(field, field + "を指定してください");
		}
		return value;
	}

	private static String text(String field, String value, int max) {
		String v = value == null ? "" : value.strip();
		if (ControlCharacters.contains(v)) {
			throw new InvalidInputException(field, field + "に制御文字が含まれています");
		}
		if (v.length() > max) {
			throw new InvalidInputException(field, field + "が長すぎます（" + max + "文字まで）");
		}
		return v;
	}

	private static String digits(String field, String value, int max) {
		String v = text(field, value, max);
		if (!v.isEmpty() && !v.matches("[0-9]+")) {
			throw new InvalidInputException(field, field + "は数字で指定してください");
		}
		return v;
	}
}
