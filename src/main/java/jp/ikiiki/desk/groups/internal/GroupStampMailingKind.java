package jp.ikiiki.desk.groups.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The centre's mailing of the groups' stamps (第5章1, 2): to each new group's representative, mid and late month, the
 * stamp with its number, the registration notice (活動団体登録通知書, 第2章3(3), printed as 第3章6 says), the group
 * introduction card and its cover note (発注者提供・在庫限り) and the scheme leaflet (第2章3(2)) in the 長3 envelope with
 * two windows sent by 簡易書留 (第2章4(1)). Its recipients are groups, not subjects: {@link StampMailings} gives them
 * ({@link Audience#GIVEN_ADDRESSES}); the stamps the city posts itself (第5章3) never are.
 */
@Component
@Order(200)
class GroupStampMailingKind implements MailingKind {

	/** The kind's code, stored with its batches. */
	static final String CODE = "GROUP_STAMPS";

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public String label() {
		return "活動団体スタンプ送付";
	}

	@Override
	public String clause() {
		return "第5章1・2";
	}

	@Override
	public Audience audience() {
		return Audience.GIVEN_ADDRESSES;
	}

	/** Stamps go out the month they are issued: the year of the day the batch is made. */
	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.CURRENT;
	}

	@Override
	public List<String> forms() {
		return List.of("group-registration-notice");
	}

	@Override
	public List<String> enclosures() {
		return List.of("活動団体登録通知書（第2章3(3)）：宛名を窓に合わせて折る", "スタンプ（発注者提供）：ラベルのスタンプ番号を通知書と照合",
				"活動団体紹介カード添書（発注者提供・在庫限り）", "活動団体紹介カード（発注者提供・在庫限り）",
				"制度説明チラシ（第2章3(2)）", "送付用封筒 長3 窓二つ 簡易書留（第2章4(1)）");
	}

	/** 第2章4(1): the envelope of the stamps is sent by 簡易書留. */
	@Override
	public boolean registeredMail() {
		return true;
	}

	/** Never called: the recipients are groups ({@link Audience#GIVEN_ADDRESSES}), none is a subject. */
	@Override
	public boolean candidate(MailingSubject subject) {
		return false;
	}

	/** Never called for {@link Audience#GIVEN_ADDRESSES}: no subject is checked. */
	@Override
	public Optional<Exclusion> check(MailingSubject subject, MailingHistory history) {
		throw new IllegalStateException("the groups' stamp mailing has no subjects");
	}

	/** Never called for {@link Audience#GIVEN_ADDRESSES}: the print values are given per group. */
	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		throw new IllegalStateException("the groups' stamp mailing has no subjects");
	}
}
