package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第4章6, 第8章4: the points notice with the account form (口座登録用紙, 第2章3(5)) and its return envelope (第2章4(5))
 * in the window envelope of 第2章4(4), for those who earned points and have no registered account. The account form's
 * address block shows through the window. Made only by the tally's notice run, like {@link PointsNotices}, with the
 * business year of the booklets. (第8章1 refers to this enclosing as 第4章7; the clause that describes it is 6.)
 */
@Component
@Order(110)
class PointsNoticesWithAccountForm extends PointsNotices {

	@Override
	public String code() {
		return POINTS_NOTICE_WITH_ACCOUNT_FORM;
	}

	@Override
	public String label() {
		return "獲得ポイント通知・口座登録用紙（封書）";
	}

	@Override
	public String clause() {
		return "第4章6";
	}

	@Override
	public List<String> forms() {
		return List.of("points-notice", "account-form");
	}

	@Override
	public List<String> enclosures() {
		return List.of("獲得ポイント通知書 V折圧着はがき（第2章3(4)）", "口座登録用紙（第2章3(5)）：宛名を窓に合わせて三つ折り",
				"返信用封筒 長6（第2章4(5)）", "送付用封筒 長3 窓一つ（第2章4(4)）");
	}
}
