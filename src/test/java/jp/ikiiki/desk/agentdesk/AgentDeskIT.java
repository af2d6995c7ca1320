package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import jp.ikiiki.desk.manual.ManualEditing.ManualVersion;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import jp.ikiiki.desk.telephony.CallConnected;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The desk against PostgreSQL: bindings kept per user and one agent per phone, a connected call opening the bound
 * agent's entry and reaching their desk, the pop with the number's earlier calls, closing with its checks and the
 * {@link InquiryClosed} event, manual entries, and the audit rows of each step.
 */
@SpringBootTest
@RecordApplicationEvents
class AgentDeskIT {

	static final String MEMBER = "Local/agent1@agents";
	static final String MEMBER_2 = "Local/agent2@agents";

	@Autowired
	AgentDesk desk;
	@Autowired
	ManualEditing editing;
	@Autowired
	InquiryCategories categories;
	@Autowired
	ApplicationEventPublisher publisher;
	@Autowired
	QueueMembers members;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void clean() {
		jdbc.sql("delete from call_log").update();
		jdbc.sql("delete from agent_binding").update();
		jdbc.sql("delete from call_record where caller_number like '0827%'").update();
		SubjectLookupFixtures.insert(jdbc);
		await().atMost(Duration.ofSeconds(30)).until(() -> as("it-agent", "AGENT",
				() -> members.members().stream().anyMatch(m -> m.memberInterface().equals(MEMBER_2))));
	}

	@Test
	void a_binding_is_kept_per_user_and_a_phone_has_one_agent_at_a_time() {
		DeskBinding bound = as("agent-a", "AGENT", () -> desk.bind("inquiry", MEMBER));
		assertThat(bound.memberInterface()).isEqualTo(MEMBER);

		// A new session of the same user finds it; another agent cannot take the phone.
		assertThat(as("agent-a", "AGENT", () -> desk.binding())).map(DeskBinding::memberInterface).contains(MEMBER);
		assertThatThrownBy(() -> as("agent-b", "AGENT", () -> desk.bind("inquiry", MEMBER)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent-a");
		assertThat(as("agent-b", "AGENT", () -> desk.members())).filteredOn(m -> m.memberInterface().equals(MEMBER))
				.extracting(DeskMember::boundTo).containsExactly("agent-a");

		// Moving to another phone frees the first one.
		as("agent-a", "AGENT", () -> desk.bind("inquiry", MEMBER_2));
		assertThat(as("agent-b", "AGENT", () -> desk.bind("inquiry", MEMBER)).username()).isEqualTo("agent-b");
		assertThatThrownBy(() -> as("agent-b", "AGENT", () -> desk.bind("inquiry", "Local/nobody@agents")))
				.hasMessageContaining("見つかりません");
		assertThat(audit("agent-a", "UPDATE")).anyMatch(d -> d.contains("電話に接続"));
	}

	@Test
	void a_call_connected_to_the_bound_phone_opens_the_agents_entry_and_pops_their_desk() {
		as("agent-a", "AGENT", () -> desk.bind("inquiry", MEMBER));
		List<Long> popped = new CopyOnWriteArrayList<>();
		Runnable unsubscribe = as("agent-a", "AGENT", () -> desk.subscribe(popped::add));
		List<Long> otherDesk = new CopyOnWriteArrayList<>();
		Runnable unsubscribeOther = as("agent-b", "AGENT", () -> desk.subscribe(otherDesk::add));
		try {
			Instant connected = Instant.parse("2026-11-17T01:00:00Z");
			publisher.publishEvent(new CallConnected("pop-1", "inquiry", MEMBER, "0827000001", new BigDecimal("12"),
					connected));
			// The same AgentConnect again (a replay) pops nothing more; a call to an unbound phone pops nobody.
			publisher.publishEvent(new CallConnected("pop-1", "inquiry", MEMBER, "0827000001", new BigDecimal("12"),
					connected));
			publisher.publishEvent(new CallConnected("pop-2", "inquiry", MEMBER_2, "0827000002", BigDecimal.ONE,
					connected));

			assertThat(popped).hasSize(1);
			assertThat(otherDesk).isEmpty();
			ScreenPop pop = as("agent-a", "AGENT", () -> desk.pop(popped.get(0)));
			assertThat(pop.entry().linkedId()).isEqualTo("pop-1");
			assertThat(pop.entry().callerNumber()).isEqualTo("0827000001");
			assertThat(pop.entry().waitSeconds()).isEqualByComparingTo("12");
			assertThat(pop.entry().agent()).isEqualTo("agent-a");
			assertThat(pop.entry().manual()).isFalse();
			assertThat(as("agent-a", "AGENT", () -> desk.openEntries())).extracting(CallLogEntry::linkedId)
					.containsExactly("pop-1");
			assertThat(jdbc.sql("select count(*) from call_log where linked_id = 'pop-2'").query(Long.class).single())
					.isZero();
			assertThatThrownBy(() -> as("agent-b", "AGENT", () -> desk.pop(popped.get(0))))
					.hasMessageContaining("他の担当者");
			assertThat(audit("agent-a", "CREATE")).anyMatch(d -> d.contains("pop-1"));
			assertThat(audit("agent-a", "VIEW")).anyMatch(d -> d.contains("着信表示"));
		} finally {
			unsubscribe.run();
			unsubscribeOther.run();
		}
	}

	@Test
	void the_pop_shows_the_numbers_earlier_calls_from_the_log_and_the_call_records() {
		Instant earlier = Instant.parse("2026-11-16T02:00:00Z");
		DeskTestSupport.callRecord(jdbc, "old-abandoned", earlier, "ABANDONED", "0827000003");
		DeskTestSupport.callRecord(jdbc, "old-answered", earlier.plusSeconds(600), "ANSWERED", "0827000003");
		as("agent-a", "AGENT", () -> desk.bind("inquiry", MEMBER));
		publisher.publishEvent(new CallConnected("old-answered", "inquiry", MEMBER, "0827000003", BigDecimal.ONE,
				earlier.plusSeconds(610)));
		long first = openEntryOf("agent-a", "old-answered");
		long reissue = category("手帳", "再交付");
		as("agent-a", "AGENT", () -> desk.close(first, new CallLogDraft("9900000001", null, reissue, "再交付の手続を案内",
				null, null), Outcome.ANSWERED));

		publisher.publishEvent(new CallConnected("new-call", "inquiry", MEMBER, "0827000003", BigDecimal.TEN,
				Instant.parse("2026-11-17T01:00:00Z")));
		ScreenPop pop = as("agent-a", "AGENT", () -> desk.pop(openEntryOf("agent-a", "new-call")));

		assertThat(pop.earlierCalls()).extracting(EarlierCall::result, EarlierCall::category, EarlierCall::note)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("回答済", "手帳 / 再交付", "再交付の手続を案内"),
						org.assertj.core.groups.Tuple.tuple("放棄", null, ""));
		// The subject named by an earlier call is in the VIEW entry of the pop.
		assertThat(jdbc.sql("""
				select count(*) from audit_event where username = 'agent-a' and action = 'VIEW'
				and '9900000001' = any(subject_ids) and detail like '%着信表示%'
				""").query(Long.class).single()).isPositive();
	}

	@Test
	void closing_checks_what_is_missing_then_stores_everything_and_publishes_inquiry_closed() {
		ManualVersion used = as("fm-manual", "FLOOR_MANAGER", () -> editing.create(new ManualDraft("手帳 / 再交付",
				"なくした", "再交付申請書を送付", "", "テスト"), new CityAgreement(LocalDate.of(2026, 11, 2), "市 担当"), "test"));
		as("agent-a", "AGENT", () -> desk.bind("inquiry", MEMBER));
		publisher.publishEvent(new CallConnected("close-1", "inquiry", MEMBER, "0827000004", BigDecimal.ONE,
				Instant.parse("2026-11-17T01:00:00Z")));
		long id = openEntryOf("agent-a", "close-1");

		assertThatThrownBy(() -> as("agent-a", "AGENT", () -> desk.close(id, CallLogDraft.EMPTY, Outcome.NEEDS_INSTRUCTION)))
				.hasMessageContaining("問合せ区分を選んでください").hasMessageContaining("相手方")
				.hasMessageContaining("メモ");
		assertThatThrownBy(() -> as("agent-a", "AGENT", () -> desk.save(id, new CallLogDraft(null, null, null, "", 99L, 1))))
				.hasMessageContaining("回答マニュアルの項目が見つかりません");
		long parentWithChildren = as("it-agent", "AGENT", () -> categories.all()).stream().filter(c -> c.name().equals("手帳") && c.parentId() == null)
				.findFirst().orElseThrow().id();
		assertThatThrownBy(() -> as("agent-a", "AGENT", () -> desk.save(id,
				new CallLogDraft(null, null, parentWithChildren, "", null, null)))).hasMessageContaining("選べません");
		assertThat(as("agent-a", "AGENT", () -> desk.openEntries())).extracting(CallLogEntry::category).containsOnlyNulls();

		long lost = category("手帳", "紛失");
		CallLogEntry closed = as("agent-a", "AGENT", () -> desk.close(id, new CallLogDraft(null, CallerKind.CARE_MANAGER,
				lost, "ケアマネジャーから。市に確認が必要", used.entryId(), used.version()), Outcome.NEEDS_INSTRUCTION));

		assertThat(closed.outcome()).isEqualTo(Outcome.NEEDS_INSTRUCTION);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.callerKind()).isEqualTo(CallerKind.CARE_MANAGER);
		assertThat(closed.manualEntryId()).isEqualTo(used.entryId());
		assertThat(closed.manualEntryVersion()).isEqualTo(used.version());
		assertThat(events.stream(InquiryClosed.class)).singleElement().satisfies(e -> {
			assertThat(e.callLogId()).isEqualTo(id);
			assertThat(e.linkedId()).isEqualTo("close-1");
			assertThat(e.category()).isEqualTo("手帳 / 紛失");
			assertThat(e.outcome()).isEqualTo(Outcome.NEEDS_INSTRUCTION);
			assertThat(e.agent()).isEqualTo("agent-a");
			assertThat(e.subjectId()).isNull();
		});
		assertThatThrownBy(() -> as("agent-a", "AGENT", () -> desk.close(id, new CallLogDraft(null, CallerKind.FAMILY,
				lost, "", null, null), Outcome.ANSWERED))).hasMessageContaining("既に完了");
		assertThat(audit("agent-a", "UPDATE")).anyMatch(d -> d.contains("市の指示待ち") && d.contains("手帳 / 紛失"));
	}

	@Test
	void a_manual_entry_has_no_telephony_and_is_marked_so() {
		CallLogEntry entry = as("agent-m", "AGENT", () -> desk.startManual("082-700-0005"));
		assertThat(entry.manual()).isTrue();
		assertThat(entry.linkedId()).isNull();
		assertThat(entry.callerNumber()).isEqualTo("0827000005");
		assertThatThrownBy(() -> as("agent-m", "AGENT", () -> desk.startManual("電話")))
				.hasMessageContaining("数字");

		long other = category("その他", "その他");
		CallLogEntry closed = as("agent-m", "AGENT", () -> desk.close(entry.id(),
				new CallLogDraft(null, CallerKind.OTHER, other, "窓口で受付", null, null), Outcome.ANSWERED));
		assertThat(events.stream(InquiryClosed.class)).singleElement()
				.satisfies(e -> assertThat(e.linkedId()).isNull());
		assertThat(closed.manual()).isTrue();
		assertThat(audit("agent-m", "CREATE")).anyMatch(d -> d.contains("手動"));
	}

	@Test
	void the_subject_look_up_from_the_desk_finds_by_kana_and_is_audited() {
		var found = as("agent-s", "AGENT", () -> desk.findSubjects("たなか"));
		assertThat(found).extracting(s -> s.addressNumber()).contains("9900000001", "9900000002");
		assertThat(jdbc.sql("select count(*) from audit_event where username = 'agent-s' and action = 'SEARCH' and channel = :c")
				.param("c", AgentDesk.CHANNEL).query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> as("agent-s", "AGENT", () -> desk.findSubjects("  "))).hasMessageContaining("入力");
	}

	@Test
	void floor_managers_edit_categories_and_agents_may_not() {
		long books = as("fm", "FLOOR_MANAGER", () -> categories.all()).stream().filter(c -> c.name().equals("手帳")).findFirst().orElseThrow().id();
		InquiryCategory added = as("fm", "FLOOR_MANAGER", () -> categories.add(books, "住所変更"));
		assertThat(added.fullName()).isEqualTo("手帳 / 住所変更");
		assertThatThrownBy(() -> as("fm", "FLOOR_MANAGER", () -> categories.add(books, "住所変更")))
				.hasMessageContaining("既にあります");
		assertThatThrownBy(() -> as("fm", "FLOOR_MANAGER", () -> categories.add(added.id(), "三階層目")))
				.hasMessageContaining("2階層");
		assertThatThrownBy(() -> as("agent-x", "AGENT", () -> categories.add(null, "勝手な区分")))
				.isInstanceOf(AccessDeniedException.class);

		as("fm", "FLOOR_MANAGER", () -> categories.rename(added.id(), "住所・氏名変更"));
		as("fm", "FLOOR_MANAGER", () -> categories.setActive(added.id(), false));
		assertThat(as("agent-x", "AGENT", () -> categories.selectable())).extracting(InquiryCategory::fullName)
				.doesNotContain("手帳 / 住所・氏名変更").contains("手帳 / 再交付", "ポイント集計・通知", "交通費助成 / 申請")
				.doesNotContain("手帳");
		assertThat(audit("fm", "SETTINGS")).anyMatch(d -> d.contains("手帳 / 住所変更 → 手帳 / 住所・氏名変更"));
		jdbc.sql("delete from inquiry_category where id = :id").param("id", added.id()).update();
	}

	@Test
	void agents_other_than_desk_roles_may_not_use_the_desk() {
		assertThatThrownBy(() -> as("op", "OPERATOR", () -> desk.openEntries())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("city", "CITY_STAFF", () -> desk.bind("inquiry", MEMBER)))
				.isInstanceOf(AccessDeniedException.class);
	}

	private long openEntryOf(String agent, String linkedId) {
		return jdbc.sql("select id from call_log where agent = :a and linked_id = :l").param("a", agent)
				.param("l", linkedId).query(Long.class).single();
	}

	private long category(String parent, String child) {
		return as("it-agent", "AGENT", () -> categories.all()).stream()
				.filter(c -> c.fullName().equals(parent.equals(child) ? child : parent + " / " + child))
				.findFirst().orElseThrow().id();
	}

	private List<String> audit(String username, String action) {
		return jdbc.sql("select detail from audit_event where username = :u and action = :a").param("u", username)
				.param("a", action).query(String.class).list();
	}
}
