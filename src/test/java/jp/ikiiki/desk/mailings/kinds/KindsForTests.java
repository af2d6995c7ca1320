package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingsProperties;

/** Every kind of 第4章 built without Spring, for the selection tests. */
public final class KindsForTests {

	private final List<MailingKind> all;

	public KindsForTests(MailingsProperties properties) {
		all = List.of(new InitialBooklets(), new MoversInBooklets(), new RequestedBooklets(), new ReissuedBooklets(),
				new AdditionalBooklets(), new SubsidyApplications(), new GrantNotices(properties), new NonGrantNotices(), new PointsNotices(),
				new PointsNoticesWithAccountForm());
	}

	public List<MailingKind> all() {
		return all;
	}

	public MailingKind kind(String code) {
		return all.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
	}
}
