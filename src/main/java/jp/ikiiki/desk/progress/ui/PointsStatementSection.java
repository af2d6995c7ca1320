package jp.ikiiki.desk.progress.ui;

import jp.ikiiki.desk.progress.ProgressRecords;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectPageSection;
import org.springframework.stereotype.Component;

/**
 * What an agent answers 「ポイントはいくつ、いつ支払われるか」 from: per business year, newest first, the booklets and their state,
 * the points by kind, the total, the cap, the credited points and the amount, and the notice and payment dates when
 * known; otherwise the contract's time limits (notice within a month of the city's receipt, 第8章2; payment by the
 * end of the month after receipt for a registered account, 第7章1(5)). On the subject page and the agent desk.
 */
@Component
class PointsStatementSection implements SubjectPageSection {

	private final ProgressRecords records;

	PointsStatementSection(ProgressRecords records) {
		this.records = records;
	}

	@Override
	public int order() {
		return 10;
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
		return new PointsPanel(records.statement(number, channel));
	}
}
