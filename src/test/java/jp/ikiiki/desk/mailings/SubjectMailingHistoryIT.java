package jp.ikiiki.desk.mailings;

import static jp.ikiiki.desk.mailings.MailingTestData.index;
import static jp.ikiiki.desk.mailings.MailingTestData.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import jp.ikiiki.desk.mailings.SubjectMailing.State;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.subjects.SubjectImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * One person's mailings as the agent desk asks for them ("when was my booklet sent?"): what was dispatched with its
 * 発送日, 引受番号 and reissue number, what is being prepared, what was pulled out and why; withdrawn batches not
 * listed; readable by agents, audited naming the person. And the batch list names its creator by display name.
 */
@SpringBootTest
@WithMockUser(username = "hist-op", roles = "OPERATOR")
class SubjectMailingHistoryIT {

	static final String CHANNEL = "テスト";
	static final String PERSON = "77300001";
	static final String OTHER = "77300002";

	@Autowired Mailings mailings;
	@Autowired SubjectImports imports;
	@Autowired JdbcClient jdbc;
	@MockitoBean PrintFiles printFiles;

	@BeforeEach
	void subjectsAndPrinting() throws Exception {
		MailingTestData.clear(jdbc);
		when(printFiles.undecided(anyString(), anyList())).thenReturn(List.of());
		doAnswer(inv -> {
			OutputStream out = inv.getArgument(2);
			out.write("%PDF".getBytes(StandardCharsets.US_ASCII));
			return null;
		}).when(printFiles).render(anyString(), anyList(), any(OutputStream.class));
		MailingTestData.importProgress(imports, List.of(progress(PERSON, "730-0013"), progress(OTHER, "730-0011")));
		MailingTestData.importIndex(imports, List.of(index(PERSON, "730-0013")));
	}

	private long sent(String kind, String title, String... subjects) {
		long id = prepared(kind, title, subjects);
		mailings.print(id, MailingProgress.NONE, CHANNEL);
		mailings.dispatch(id, LocalDate.now(JapanTime.ZONE), CHANNEL);
		return id;
	}

	private long prepared(String kind, String title, String... subjects) {
		long id = mailings.create(new NewBatch(kind, title, 0, List.of(subjects), List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		return id;
	}

	private static <T> T asAgent(Supplier<T> work) {
		return as("hist-agent", "AGENT", work);
	}

	private static <T> T as(String user, String role, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		try {
			return work.get();
		} finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	@Test
	void an_agent_reads_what_was_sent_to_a_person_with_dates_registered_numbers_reissues_and_pull_outs() {
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		long firstReissue = sent("BOOKLET_REISSUE", "再交付 1", PERSON, OTHER);
		long secondReissue = sent("BOOKLET_REISSUE", "再交付 2", PERSON);
		mailings.addRegisteredRange("7860030000", "7860030009", CHANNEL);
		long grant = sent("GRANT_NOTICE", "交付決定", PERSON);
		long pulled = prepared("BOOKLET_ADDITIONAL", "追加分", PERSON);
		mailings.pullOut(PERSON, "本人から転居の連絡", CHANNEL);
		long withdrawn = prepared("BOOKLET_REISSUE", "取り消したバッチ", PERSON);
		mailings.cancel(withdrawn, "対象者リストの誤り", CHANNEL);
		long preparing = prepared("BOOKLET_ADDITIONAL", "追加分 2", PERSON);

		SubjectMailings history = asAgent(() -> mailings.sentTo("７７３０００01", "画面:受付デスク"));

		assertThat(history.addressNumber()).isEqualTo(PERSON);
		assertThat(history.mailings()).extracting(SubjectMailing::batchId, SubjectMailing::state)
				.containsExactly(tuple(preparing, State.PREPARING), tuple(pulled, State.PULLED_OUT),
						tuple(grant, State.DISPATCHED), tuple(secondReissue, State.DISPATCHED),
						tuple(firstReissue, State.DISPATCHED));
		assertThat(history.mailings()).extracting(SubjectMailing::batchId).doesNotContain(withdrawn);
		SubjectMailing grantNotice = history.mailings().get(2);
		assertThat(grantNotice.kindLabel()).isEqualTo(mailings.batch(grant).orElseThrow().kindLabel());
		assertThat(grantNotice.dispatchedOn()).isEqualTo(today);
		assertThat(grantNotice.registeredNumber()).isEqualTo("786-00-30000-" + 7860030000L % 7);
		assertThat(history.mailings().get(3).reissueNo()).isEqualTo(2);
		assertThat(history.mailings().get(4).reissueNo()).isEqualTo(1);
		assertThat(history.mailings().get(4).registeredNumber()).isNull();
		SubjectMailing out = history.mailings().get(1);
		assertThat(out.dispatchedOn()).isNull();
		assertThat(out.pulledAt()).isNotNull();
		assertThat(out.pullReason()).isEqualTo("本人から転居の連絡");
		assertThat(history.mailings().get(0).batchStatus()).isEqualTo(BatchStatus.SELECTED);
		assertThat(history.reissueCount()).isEqualTo(2).isEqualTo(mailings.reissueCount(PERSON));

		assertThat(jdbc.sql("""
				select count(*) from audit_event where username = 'hist-agent' and action = 'VIEW'
				   and channel = '画面:受付デスク' and subject_ids = array[:s]::text[]""")
				.param("s", PERSON).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void a_person_no_batch_holds_has_an_empty_history_and_a_number_that_is_no_address_number_is_refused() {
		sent("BOOKLET_REISSUE", "再交付", OTHER);

		SubjectMailings none = asAgent(() -> mailings.sentTo(PERSON, CHANNEL));

		assertThat(none.mailings()).isEmpty();
		assertThat(none.reissueCount()).isZero();
		assertThatThrownBy(() -> asAgent(() -> mailings.sentTo("山田", CHANNEL)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("宛名番号");
	}

	@Test
	void city_staff_do_not_read_a_persons_mailings() {
		assertThatThrownBy(() -> as("hist-city", "CITY_STAFF", () -> mailings.sentTo(PERSON, CHANNEL)))
				.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void the_batch_list_names_its_creator_by_display_name() {
		jdbc.sql("delete from app_user where username = 'hist-op'").update();
		jdbc.sql("insert into app_user (username, display_name, password_hash) values ('hist-op', '郵送 一郎', 'x')")
				.update();
		long id = prepared("BOOKLET_REISSUE", "表示名", PERSON);

		assertThat(mailings.batch(id).orElseThrow()).extracting(BatchSummary::createdBy, BatchSummary::createdByName)
				.containsExactly("hist-op", "郵送 一郎");
		assertThat(mailings.batches(0, 10)).filteredOn(b -> b.id() == id).singleElement()
				.extracting(BatchSummary::createdByName).isEqualTo("郵送 一郎");

		jdbc.sql("delete from app_user where username = 'hist-op'").update();
		assertThat(mailings.batch(id).orElseThrow().createdByName()).as("a user no longer registered: the login name")
				.isEqualTo("hist-op");
	}
}
