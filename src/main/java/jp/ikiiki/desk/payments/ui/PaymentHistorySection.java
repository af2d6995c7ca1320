package jp.ikiiki.desk.payments.ui;

import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.payments.AccountForms;
import jp.ikiiki.desk.payments.PaymentRuns;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectPageSection;
import org.springframework.stereotype.Component;

/**
 * The person's payments and current account (第7章1(5)) on the subject page and the agent desk: what an agent answers
 * 「振り込まれたか」「どの口座か」 from. The account number is masked but for its last 3 digits; both look-ups are
 * audited by the services.
 */
@Component
class PaymentHistorySection implements SubjectPageSection {

	private final PaymentRuns runs;
	private final AccountForms forms;

	private final java.time.Clock clock;

	PaymentHistorySection(PaymentRuns runs, AccountForms forms,
			org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
		this.runs = runs;
		this.forms = forms;
		this.clock = clock.getIfAvailable(java.time.Clock::systemUTC);
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public com.vaadin.flow.component.Component create(String addressNumber, String channel) {
		if (!(CurrentUser.hasRole(Roles.AGENT) || CurrentUser.hasRole(Roles.OPERATOR)
				|| CurrentUser.hasRole(Roles.FLOOR_MANAGER))) {
			return null;
		}
		AddressNumber number = AddressNumber.tryParse(addressNumber).orElse(null);
		if (number == null) {
			return null;
		}
		Optional<AccountForms.AccountSummary> account = forms.accountSummary(number.value(), channel);
		List<PaymentRuns.PaymentLine> lines = runs.history(number.value());
		return new PaymentHistoryPanel(account.orElse(null), forms.forms(number.value()), lines,
				jp.ikiiki.desk.shared.JapanTime.today(clock));
	}
}
