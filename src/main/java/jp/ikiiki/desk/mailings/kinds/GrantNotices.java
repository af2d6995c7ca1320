package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第4章8: grant notices (交付決定通知書) with the city's tickets, by 簡易書留, from the city's list. The notice prints
 * the ticket type and the amount (第3章), the amount per ticket type from {@code ikiiki.mailings.ticket-amounts}.
 * Decisions go out in April and from August to March (第4章1(2)ウ); August's are for the subsidy year that begins on
 * 1 September, so the business year is {@link YearOfBatch#COMING_FROM_JUNE} (April's: the year running).
 */
@Component
@Order(80)
class GrantNotices implements MailingKind {

	private final MailingsProperties properties;

	GrantNotices(MailingsProperties properties) {
		this.properties = properties;
	}

	@Override
	public String code() {
		return "GRANT_NOTICE";
	}

	@Override
	public String label() {
		return "交通費助成交付決定通知（簡易書留）";
	}

	@Override
	public String clause() {
		return "第4章8";
	}

	@Override
	public Audience audience() {
		return Audience.CITY_LIST;
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.COMING_FROM_JUNE;
	}

	@Override
	public List<String> forms() {
		return List.of("grant-notice");
	}

	@Override
	public List<String> enclosures() {
		return List.of("交付決定通知書（第2章5(2)）", "利用券（タクシーチケット等・発注者提供）",
				"送付用封筒 長3 窓二つ 簡易書留（第2章4(8)）");
	}

	@Override
	public boolean registeredMail() {
		return true;
	}

	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		if (!s.inIndex()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "交通費助成索引簿にない"));
		}
		if (s.ticketType() == null) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "利用券種なし"));
		}
		if (!properties.ticketAmounts().containsKey(s.ticketType())) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "助成金額が未設定の利用券種"));
		}
		long other = h.openBatch(s.addressNumber(), List.of(code()), h.businessYear());
		return other == 0 ? Optional.empty()
				: Optional.of(Exclusion.of(ExclusionReason.IN_OTHER_BATCH, "バッチ " + other));
	}

	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		var f = Fields.address(subject);
		f.put(PrintFields.TICKET_TYPE, subject.ticketType());
		f.put(PrintFields.AMOUNT, Fields.amount(properties.ticketAmounts().get(subject.ticketType())));
		// PrintFields.REGISTERED_MAIL_NUMBER is added from the envelope's 引受番号 once the batch's numbers are assigned
		return f;
	}
}
