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
 * reason — plus what the caller gives; today's date in the era form as the issue date.
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
		put(f, PrintFields.ISSUE_DATE, JapaneseDates.toEraKanji(LocalDate.now(JapanTime.ZONE)));
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

	private static void put(Map<String, String> f, String key, String value) {
		if (value != null && !value.isBlank()) {
			f.put(key, value);
		}
	}
}
