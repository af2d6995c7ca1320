package jp.ikiiki.desk.manual;

import jp.ikiiki.desk.shared.JapanTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import jp.ikiiki.desk.manual.ManualEditing.ManualVersion;
import jp.ikiiki.desk.manual.ManualEditing.VersionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Versions, the city's agreement, kana-insensitive search and the audit trail of the answer manual. */
@SpringBootTest
class AnswerManualIT {

	static final String CHANNEL = "test:manual";
	static final LocalDate YESTERDAY = LocalDate.now(JapanTime.ZONE).minusDays(1);

	@Autowired
	AnswerManual manual;
	@Autowired
	ManualEditing editing;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void empty() {
		jdbc.sql("delete from manual_entry_version").update();
		jdbc.sql("delete from manual_entry").update();
		as("fm1", "FLOOR_MANAGER");
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	static void as(String user, String role) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
				null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
	}

	static ManualDraft draft(String question, String answer) {
		return new ManualDraft("ポイント手帳 / 再交付", question, answer, null, null);
	}

	@Test
	void a_draft_is_not_in_force_until_the_citys_agreement_is_recorded() {
		ManualVersion v1 = editing.create(draft("手帳をなくした", "再交付願を受け付けます"), null, CHANNEL);
		assertThat(v1.state()).isEqualTo(VersionState.DRAFT);
		assertThat(manual.search("手帳", 10)).isEmpty();

		ManualVersion agreed = editing.recordAgreement(v1.entryId(), 1, new CityAgreement(YESTERDAY, "高齢福祉課 山田"),
				CHANNEL);
		assertThat(agreed.state()).isEqualTo(VersionState.IN_FORCE);
		assertThat(agreed.agreedOn()).isEqualTo(YESTERDAY);
		assertThat(agreed.agreedBy()).isEqualTo("高齢福祉課 山田");
		assertThat(agreed.agreementRecordedBy()).isEqualTo("fm1");
		assertThat(agreed.agreementRecordedAt()).isNotNull();
		assertThat(manual.search("手帳", 10)).extracting(ManualEntry::version).containsExactly(1);
	}

	@Test
	void an_edit_adds_a_version_and_the_old_one_stays_readable_and_in_force_until_agreed() {
		ManualVersion v1 = editing.create(draft("手帳をなくした", "旧い回答"), new CityAgreement(YESTERDAY, "市 A"), CHANNEL);
		as("fm2", "FLOOR_MANAGER");
		ManualVersion v2 = editing.edit(v1.entryId(), 1, new ManualDraft("ポイント手帳 / 再交付", "手帳をなくした",
				"新しい回答", null, "家族からの申し出を追記"), null, CHANNEL);

		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.editedBy()).isEqualTo("fm2");
		assertThat(v2.editedAt()).isNotNull();
		assertThat(v2.note()).isEqualTo("家族からの申し出を追記");
		assertThat(v2.state()).isEqualTo(VersionState.DRAFT);
		as("agent1", "AGENT");
		assertThat(manual.search("なくした", 5)).singleElement()
				.satisfies(e -> assertThat(e.answer()).isEqualTo("旧い回答"));

		as("fm2", "FLOOR_MANAGER");
		editing.recordAgreement(v1.entryId(), 2, new CityAgreement(YESTERDAY, "市 B"), CHANNEL);
		as("agent1", "AGENT");
		assertThat(manual.search("なくした", 5)).singleElement().satisfies(e -> {
			assertThat(e.version()).isEqualTo(2);
			assertThat(e.answer()).isEqualTo("新しい回答");
			assertThat(e.current()).isTrue();
		});
		// What a call log recorded (entry + version 1) is still there, marked as no longer current.
		assertThat(manual.entry(v1.entryId(), 1)).hasValueSatisfying(e -> {
			assertThat(e.answer()).isEqualTo("旧い回答");
			assertThat(e.current()).isFalse();
		});
		as("fm2", "FLOOR_MANAGER");
		assertThat(editing.history(v1.entryId())).extracting(ManualVersion::version, ManualVersion::state)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(2, VersionState.IN_FORCE),
						org.assertj.core.groups.Tuple.tuple(1, VersionState.SUPERSEDED));
	}

	@Test
	void an_edit_with_the_agreement_given_is_in_force_at_once() {
		ManualVersion v1 = editing.create(draft("質問", "回答1"), new CityAgreement(YESTERDAY, "市 A"), CHANNEL);
		ManualVersion v2 = editing.edit(v1.entryId(), 1, draft("質問", "回答2"), new CityAgreement(YESTERDAY, "市 B"), CHANNEL);
		assertThat(v2.state()).isEqualTo(VersionState.IN_FORCE);
		assertThat(editing.version(v1.entryId(), 1)).hasValueSatisfying(v -> assertThat(v.state()).isEqualTo(VersionState.SUPERSEDED));
	}

	@Test
	void refusals_change_nothing() {
		ManualVersion v1 = editing.create(draft("質問", "回答1"), null, CHANNEL);
		editing.edit(v1.entryId(), 1, draft("質問", "回答2"), null, CHANNEL);
		// Someone else's version 2 came first: an edit based on version 1 would overwrite it.
		assertThatThrownBy(() -> editing.edit(v1.entryId(), 1, draft("質問", "回答3"), null, CHANNEL))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("第2版が追加されました");
		// Only the newest version can be put in force.
		assertThatThrownBy(() -> editing.recordAgreement(v1.entryId(), 1, new CityAgreement(YESTERDAY, "市"), CHANNEL))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("適用できるのは最新の版だけです");
		assertThatThrownBy(() -> editing.recordAgreement(v1.entryId(), 2, new CityAgreement(YESTERDAY.plusDays(3), "市"), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("未来の日付");
		assertThatThrownBy(() -> editing.recordAgreement(v1.entryId(), 2, new CityAgreement(YESTERDAY, " "), CHANNEL))
				.hasMessageContaining("市の合意者");
		assertThatThrownBy(() -> editing.create(draft(" ", "回答"), null, CHANNEL)).hasMessage("質問を入力してください");
		assertThat(editing.history(v1.entryId())).hasSize(2).allSatisfy(v -> assertThat(v.agreedOn()).isNull());

		editing.recordAgreement(v1.entryId(), 2, new CityAgreement(YESTERDAY, "市"), CHANNEL);
		assertThatThrownBy(() -> editing.recordAgreement(v1.entryId(), 2, new CityAgreement(YESTERDAY, "市"), CHANNEL))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("記録済み");
	}

	@Test
	void search_is_kana_and_width_insensitive() {
		editing.create(new ManualDraft("交通費助成", "タクシーチケットが届かない", "交付決定通知書と一緒に送付します", null, null),
				new CityAgreement(YESTERDAY, "市"), CHANNEL);
		editing.create(new ManualDraft("ポイント手帳", "てちょうのさいこうふ", "再交付願を受け付けます", null, null),
				new CityAgreement(YESTERDAY, "市"), CHANNEL);
		editing.create(new ManualDraft("奨励金", "振込はいつ", "翌月末までに", "ふりこみ しょうれいきん", null),
				new CityAgreement(YESTERDAY, "市"), CHANNEL);
		as("agent1", "AGENT");

		assertThat(questions("テチョウ")).containsExactly("てちょうのさいこうふ"); // カタカナ query, ひらがな text
		assertThat(questions("ﾃﾁｮｳ")).containsExactly("てちょうのさいこうふ"); // half-width
		assertThat(questions("たくしー")).containsExactly("タクシーチケットが届かない"); // ひらがな query, カタカナ text
		assertThat(questions("ﾁｹｯﾄ 届か")).containsExactly("タクシーチケットが届かない"); // two words, both needed
		assertThat(questions("チケット 手帳")).isEmpty();
		assertThat(questions("フリコミ")).containsExactly("振込はいつ"); // found through its keywords
		assertThat(questions("送")).containsExactly("タクシーチケットが届かない"); // one character: LIKE alone
		assertThat(manual.search("", 10)).hasSize(3);
	}

	@Test
	void a_blank_search_lists_the_most_read_entries_first() {
		ManualVersion a = editing.create(draft("質問A", "回答A"), new CityAgreement(YESTERDAY, "市"), CHANNEL);
		ManualVersion b = editing.create(draft("質問B", "回答B"), new CityAgreement(YESTERDAY, "市"), CHANNEL);
		as("agent1", "AGENT");
		manual.entry(b.entryId(), 1);
		manual.entry(b.entryId(), 1);
		manual.entry(a.entryId(), 1);
		assertThat(manual.search(" ", 10)).extracting(ManualEntry::entryId).containsExactly(b.entryId(), a.entryId());
	}

	@Test
	void agents_search_but_may_not_edit_and_security_admins_may_not_read() {
		as("agent1", "AGENT");
		assertThat(manual.search("x", 5)).isEmpty();
		assertThatThrownBy(() -> editing.create(draft("q", "a"), null, CHANNEL)).isInstanceOf(AccessDeniedException.class);
		as("sec", "SECURITY_ADMIN");
		assertThatThrownBy(() -> manual.search("x", 5)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void every_edit_and_agreement_is_audited_with_who() {
		ManualVersion v1 = editing.create(draft("質問", "回答1"), null, "画面:テスト監査");
		editing.edit(v1.entryId(), 1, draft("質問", "回答2"), null, "画面:テスト監査");
		editing.recordAgreement(v1.entryId(), 2, new CityAgreement(YESTERDAY, "市"), "画面:テスト監査");
		List<String> rows = jdbc.sql("select action || ' ' || username || ' ' || detail from audit_event"
						+ " where channel = '画面:テスト監査' and detail like :d order by id")
				.param("d", "応答マニュアル " + v1.entryId() + " %").query(String.class).list();
		assertThat(rows).containsExactly(
				"CREATE fm1 応答マニュアル " + v1.entryId() + " 第1版 作成（下書き）",
				"UPDATE fm1 応答マニュアル " + v1.entryId() + " 第2版 作成（下書き）",
				"UPDATE fm1 応答マニュアル " + v1.entryId() + " 第2版 市合意記録（" + YESTERDAY + "）により適用");
	}

	@Test
	void a_retired_entry_is_no_longer_found_stays_readable_and_can_be_restored_each_with_the_citys_agreement() {
		ManualVersion v1 = editing.create(draft("てちょうをなくした", "再交付願を受け付けます"), new CityAgreement(YESTERDAY, "市 A"),
				CHANNEL);
		assertThatThrownBy(() -> editing.retire(v1.entryId(), null, "制度変更", CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("市合意日");
		assertThatThrownBy(() -> editing.retire(v1.entryId(), new CityAgreement(YESTERDAY, "市 B"), " ", CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
		assertThatThrownBy(() -> editing.retire(999_999L, new CityAgreement(YESTERDAY, "市 B"), "x", CHANNEL))
				.isInstanceOf(NotFoundException.class);

		ManualEditing.EntryOverview retired = editing.retire(v1.entryId(), new CityAgreement(YESTERDAY, "市 B"), "制度変更",
				CHANNEL);
		assertThat(retired.retired()).isTrue();
		assertThat(retired.retirement().reason()).isEqualTo("制度変更");
		assertThat(retired.retirement().agreedBy()).isEqualTo("市 B");
		assertThat(retired.retirement().retiredBy()).isEqualTo("fm1");
		assertThat(retired.draftPending()).isFalse();
		as("agent1", "AGENT");
		assertThat(manual.search("てちょう", 10)).isEmpty();
		assertThat(manual.search("", 10)).isEmpty();
		// What a call log recorded stays readable.
		assertThat(manual.lookup(v1.entryId(), 1)).hasValueSatisfying(e -> assertThat(e.answer()).isEqualTo("再交付願を受け付けます"));

		as("fm1", "FLOOR_MANAGER");
		assertThatThrownBy(() -> editing.edit(v1.entryId(), 1, draft("q", "a"), null, CHANNEL))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("廃止");
		assertThatThrownBy(() -> editing.retire(v1.entryId(), new CityAgreement(YESTERDAY, "市 B"), "再び", CHANNEL))
				.isInstanceOf(StateConflictException.class);
		editing.restore(v1.entryId(), new CityAgreement(YESTERDAY, "市 C"), CHANNEL);
		as("agent1", "AGENT");
		assertThat(questions("てちょう")).containsExactly("てちょうをなくした");
		assertThat(jdbc.sql("select detail from audit_event where channel = :c and detail like :d order by id")
				.param("c", CHANNEL).param("d", "応答マニュアル No." + v1.entryId() + " %").query(String.class).list())
				.containsExactly("応答マニュアル No." + v1.entryId() + " 廃止（市合意 " + YESTERDAY + "） 理由: 制度変更",
						"応答マニュアル No." + v1.entryId() + " 廃止を取消して再開（市合意 " + YESTERDAY + "）");
	}

	@Test
	void looking_an_entry_up_again_does_not_count_as_a_read() {
		ManualVersion v1 = editing.create(draft("質問", "回答"), new CityAgreement(YESTERDAY, "市"), CHANNEL);
		as("agent1", "AGENT");
		manual.lookup(v1.entryId(), 1);
		manual.lookup(v1.entryId(), 1);
		as("fm1", "FLOOR_MANAGER");
		assertThat(editing.entries()).filteredOn(e -> e.entryId() == v1.entryId()).singleElement()
				.satisfies(e -> assertThat(e.reads()).isZero());
	}

	private List<String> questions(String query) {
		return manual.search(query, 10).stream().map(ManualEntry::question).toList();
	}
}
