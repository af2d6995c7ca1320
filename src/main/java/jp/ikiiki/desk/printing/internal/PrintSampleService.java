package jp.ikiiki.desk.printing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.PrintSamples;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.Postcodes;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.springframework.stereotype.Service;

/**
 * {@link PrintSamples}: the subject's fields from {@link SubjectDetail} — 氏名漢字 and 氏名カナ, the 送付先 if the city
 * gave one else the 住所 (郵便番号, 住所, 方書), 申請書管理番号, 利用券種, 郵便引受番号 (別紙3) and 決定事由 as the refusal
 * reason — plus what the caller gives; today's date in the era form as the issue date. The points notice and the
 * account form get the business year of today (1 September–31 August) and the figures of 別紙3 cols 55–75 as the
 * subject's record holds them (0 where blank), with the check-up kinds numbered: a sample shows the layout, the
 * notice run prints the verified figures.
 */
@Service
class PrintSampleService implements PrintSamples {

	private final FormLayouts layouts;
	private final PrintFiles printFiles;
	private final SubjectLookup subjects;
	private final AuditTrail audit;

	PrintSampleService(FormLayouts layouts, PrintFiles printFiles, SubjectLookup subjects, AuditTrail audit) {
		this.layouts = layouts;
		this.printFiles = printFiles;
		this.subjects = subjects;
		this.audit = audit;
	}

	@Override
	public byte[] sample(String form, String addressNumber, Map<String, String> given, String channel) {
		FormLayout layout = layouts.find(form)
				.orElseThrow(() -> new NotFoundException("帳票 " + form + " はありません（" + String.join(", ",
						layouts.forms()) + "）"));
		PrintItem item = item(addressNumber, given, channel)
				.orElseThrow(() -> new NotFoundException("宛名番号 " + addressNumber + " の対象者はいません"));
		for (String f : layout.requiredFields()) {
			String v = item.fields().get(f);
			if (v == null || v.isBlank()) {
				if (CALLER_FIELDS.contains(f)) {
					throw new InvalidInputException(f, "この帳票には " + f + " が必要です。パラメータ " + f + " で指定してください");
				}
				throw new StateConflictException("この対象者のデータには、帳票に必要な " + f + " がありません");
			}
		}
		List<UnprintableText> undecided = printFiles.undecided(form, List.of(item));
		if (!undecided.isEmpty()) {
			throw new UndecidedCharactersException(undecided);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			printFiles.render(form, List.of(item), out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		audit.record(AuditAction.PRINT, channel, List.of(item.subjectId()), form + "-sample.pdf",
				"見本印刷 " + layout.title());
		return out.toByteArray();
	}

	@Override
	public Optional<PrintItem> item(String addressNumber, Map<String, String> given, String channel) {
		for (String key : given.keySet()) {
			if (!CALLER_FIELDS.contains(key)) {
				throw new InvalidInputException(key, "指定できない項目です: " + key + "（指定できるのは "
						+ String.join(", ", CALLER_FIELDS) + "）");
			}
		}
		return subjects.find(addressNumber, channel).map(s -> new PrintItem(s.addressNumber(), fields(s, given)));
	}

	static Map<String, String> fields(SubjectDetail s, Map<String, String> given) {
		Map<String, String> f = new HashMap<>();
		put(f, PrintFields.NAME, s.nameKanji());
		put(f, PrintFields.NAME_KANA, s.nameKana());
		put(f, PrintFields.REPRESENTATIVE, s.nameKanji());
		put(f, PrintFields.REPRESENTATIVE_KANA, s.nameKana());
		SubjectDetail.Address a = s.mailing() != null && s.mailing().address() != null ? s.mailing() : s.residence();
		if (a != null) {
			put(f, PrintFields.POSTCODE, Postcodes.format(a.postalCode()));
			put(f, PrintFields.ADDRESS, a.address());
			put(f, PrintFields.ADDRESS_EXTRA, a.extra());
		}
		put(f, PrintFields.APPLICATION_NUMBER, s.managementNumber());
		if (s.subsidy() != null) {
			put(f, PrintFields.TICKET_TYPE, s.subsidy().ticketType());
			put(f, PrintFields.REFUSAL_REASON, s.subsidy().decisionReason());
		}
		if (s.booklet() != null) {
			put(f, PrintFields.REGISTERED_MAIL_NUMBER, s.booklet().registeredMailNumber());
		}
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		put(f, PrintFields.ISSUE_DATE, JapaneseDates.toEraKanji(today));
		points(f, s.points(), today);
		given.forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				f.put(k, check(k, v.strip()));
			}
		});
		return f;
	}

	private static String check(String field, String v) {
		return switch (field) {
			case PrintFields.MARK -> {
				if (!v.equals(PrintFields.MARK_REISSUE) && !v.equals(PrintFields.MARK_ADDITIONAL)) {
					throw new InvalidInputException(field, "mark は「再発行」か「追加分」です");
				}
				yield v;
			}
			case PrintFields.AMOUNT -> {
				if (!v.replace(",", "").matches("[0-9]{1,9}")) {
					throw new InvalidInputException(field, "amount は金額（円、数字）で指定してください");
				}
				yield String.format("%,d", Long.parseLong(v.replace(",", "")));
			}
			case PrintFields.REGISTERED_MAIL_NUMBER -> {
				if (!v.matches("[0-9][0-9-]{6,18}[0-9]")) {
					throw new InvalidInputException(field, "registeredMailNumber は数字とハイフンで指定してください");
				}
				yield v;
			}
			default -> v;
		};
	}

	/** The figures a points notice prints, from 別紙3 cols 55–75 of the subject's record. */
	private static void points(Map<String, String> f, SubjectDetail.Points p, LocalDate today) {
		int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
		String era = JapaneseDates.toEraKanji(LocalDate.of(year, 9, 1));
		f.put(PrintFields.BUSINESS_YEAR, era.substring(0, era.indexOf('年')) + "年度分");
		f.put(PrintFields.POINTS_4P, number(p == null ? null : p.activity4P()));
		f.put(PrintFields.POINTS_2P, number(p == null ? null : p.activity2P()));
		f.put(PrintFields.CHECKUP_POINTS, number(p == null ? null : p.checkupSubtotal()));
		f.put(PrintFields.POINTS_1P, number(p == null ? null : p.health1P()));
		int total = p == null || p.total() == null ? 0 : p.total();
		int cap = p == null || p.cap() == null ? 0 : p.cap();
		f.put(PrintFields.TOTAL_POINTS, String.valueOf(total));
		f.put(PrintFields.CAP_POINTS, String.valueOf(cap));
		f.put(PrintFields.CREDITED_POINTS, String.valueOf(Math.min(total, cap)));
		f.put(PrintFields.PAYMENT_AMOUNT, String.format("%,d", p == null || p.paymentAmount() == null ? 0 : p.paymentAmount()));
		f.put(PrintFields.VOID_STAMPS, "0");
		for (int k = 1; k <= PrintFields.CHECKUP_KINDS; k++) {
			Integer v = p == null || p.checkups() == null || p.checkups().size() < k ? null : p.checkups().get(k - 1);
			f.put(PrintFields.checkupPoints(k), number(v));
			f.put(PrintFields.checkupLabel(k), "受診" + k);
		}
	}

	private static String number(Integer n) {
		return String.valueOf(n == null ? 0 : n);
	}

	private static void put(Map<String, String> f, String key, String value) {
		if (value != null && !value.isBlank()) {
			f.put(key, value);
		}
	}
}
