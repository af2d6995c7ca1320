package jp.ikiiki.desk.agentdesk;

import static jp.ikiiki.desk.agentdesk.DeskTestSupport.as;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueLinkedId;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueNumber;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueSession;
import static jp.ikiiki.desk.agentdesk.DeskTestSupport.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import jp.ikiiki.desk.manual.ManualEditing.ManualVersion;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.SubjectLookupFixtures;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.telephony.CallConnected;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.junit.jupiter.api.AfterEach;
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
 * The desk against PostgreSQL: bindings per console session and one agent per phone, a connected call opening the
 * bound agent's entry and reaching their pages, the pop with the number's earlier calls and the subjects linked on
 * them, closing with its checks and the {@link InquiryClosed} event, manual entries, and the audit rows of each step.
 * Every test uses its own agents, numbers and calls; the two phones it binds are freed before each test.
 */
@SpringBootTest
@RecordApplicationEvents
class AgentDeskIT {

	static final String MEMBER = "Local/agent1@agents";
	static final String MEMBER_2 = "Local/agent2@agents";
	static final Instant CONNECTED = LocalDate.of(2026, 11, 17).atTime(10, 0).atZone(JapanTime.ZONE).toInstant();

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

	final String agentA = uniqueUser("agent-a");
	final String agentB = uniqueUser("agent-b");
	final List<Runnable> unsubscribe = new CopyOnWriteArrayList<>();

	@BeforeEach
	void phonesFree() {
		jdbc.sql("delete from agent_binding where member_interface in (:m)").param("m", List.of(MEMBER, MEMBER_2)).update();
		SubjectLookupFixtures.insert(jdbc);
		await().atMost(Duration.ofSeconds(30)).until(() -> as(agentA, "AGENT",
				() -> members.members().stream().anyMatch(m -> m.memberInterface().equals(MEMBER_2))));
	}

	@AfterEach
	void release() {
		unsubscribe.forEach(Runnable::run);
		as(agentA, "AGENT", desk::release);
		as(agentB, "AGENT", desk::release);
	}

	@Test
	void a_binding_is_kept_for_the_session_and_a_phone_has_one_agent_at_a_time() {
		String session = uniqueSession();
		DeskBinding bound = as(agentA, "AGENT", () -> desk.bind("inquiry", MEMBER, session));
		assertThat(bound.memberInterface()).isEqualTo(MEMBER);

		// Another page of the same user finds it; another agent cannot take the phone.
		assertThat(as(agentA, "AGENT", () -> desk.binding())).map(DeskBinding::memberInterface).contains(MEMBER);
		assertThatThrownBy(() -> as(agentB, "AGENT", () -> desk.bind("inquiry", MEMBER, uniqueSession())))
				.isInstanceOf(StateConflictException.class).hasMessageContaining(agentA);
		assertThat(as(agentB, "AGENT", () -> desk.members())).filteredOn(m -> m.memberInterface().equals(MEMBER))
				.extracting(DeskMember::boundTo).containsExactly(agentA);

		// Moving to another phone frees the first one.
		as(agentA, "AGENT", () -> desk.bind("inquiry", MEMBER_2, session));
		assertThat(as(agentB, "AGENT", () -> desk.bind("inquiry", MEMBER, uniqueSession())).username()).isEqualTo(agentB);
		assertThatThrownBy(() -> as(agentB, "AGENT", () -> desk.bind("inquiry", "Local/nobody@agents", uniqueSession())))
				.isInstanceOf(NotFoundException.class).hasMessageContaining("見つかりません");
		assertThat(audit(agentA, "UPDATE")).anyMatch(d -> d.contains("電話に接続"));
	}

	@Test
	void a_call_connected_to_the_bound_phone_opens_the_agents_entry_and_reaches_every_page_of_the_agent() {
		as(agentA, "AGENT", () -> desk.bind("inquiry", MEMBER, uniqueSession()));
		List<IncomingCall> desk1 = new CopyOnWriteArrayList<>();
		List<IncomingCall> otherPage = new CopyOnWriteArrayList<>();
		List<IncomingCall> otherAgent = new CopyOnWriteArrayList<>();
		unsubscribe.add(as(agentA, "AGENT", () -> desk.subscribe(desk1::add)));
		unsubscribe.add(as(agentA, "AGENT", () -> desk.subscribe(otherPage::add)));
		unsubscribe.add(as(agentB, "AGENT", () -> desk.subscribe(otherAgent::add)));
		String call = uniqueLinkedId();
		String number = uniqueNumber();

		publisher.publishEvent(new CallConnected(call, "inquiry", MEMBER, number, new BigDecimal("12"), CONNECTED));
		// The same AgentConnect again (a replay) pops nothing more; a call to an unbound phone pops nobody.
		publisher.publishEvent(new CallConnected(call, "inquiry", MEMBER, number, new BigDecimal("12"), CONNECTED));
		String unbound = uniqueLinkedId();
		publisher.publishEvent(new CallConnected(unbound, "inquiry", MEMBER_2, uniqueNumber(), BigDecimal.ONE, CONNECTED));

		assertThat(desk1).singleElement().satisfies(c -> {
			assertThat(c.callerNumber()).isEqualTo(number);
			assertThat(c.linkedId()).isEqualTo(call);
			assertThat(c.waitSeconds()).isEqualByComparingTo("12");
		});
		assertThat(otherPage).containsExactlyElementsOf(desk1);
		assertThat(otherAgent).isEmpty();
		ScreenPop pop = as(agentA, "AGENT", () -> desk.pop(desk1.get(0).callLogId()));
		assertThat(pop.entry().linkedId()).isEqualTo(call);
		assertThat(pop.entry().callerNumber()).isEqualTo(number);
		assertThat(pop.entry().agent()).isEqualTo(agentA);
		assertThat(pop.entry().manual()).isFalse();
		assertThat(pop.draft()).isEqualTo(CallLogDraft.EMPTY);
		assertThat(as(agentA, "AGENT", () -> desk.openEntries())).extracting(CallLogEntry::linkedId).containsExactly(call);
		assertThat(jdbc.sql("select count(*) from call_log where linked_id = :l").param("l", unbound).query(Long.class)
				.single()).isZero();
		assertThatThrownBy(() -> as(agentB, "AGENT", () -> desk.pop(desk1.get(0).callLogId())))
				.isInstanceOf(NotFoundException.class).hasMessageContaining("他の担当者");
		assertThat(audit(agentA, "CREATE")).anyMatch(d -> d.contains(call));
		assertThat(audit(agentA, "VIEW")).anyMatch(d -> d.contains("着信表示"));
	}

	@Test
	void a_call_for_an_agent_with_no_page_open_waits_among_the_open_entries_and_the_desk_resumes_it() {
		as(agentA, "AGENT", () -> desk.bind("inquiry", MEMBER, uniqueSession()));
		String call = uniqueLinkedId();
		publisher.publishEvent(new CallConnected(call, "inquiry", MEMBER, uniqueNumber(), BigDecimal.ONE, CONNECTED));

		long id = openEntryOf(agentA, call);
		assertThat(as(agentA, "AGENT", () -> desk.openEntries())).extracting(CallLogEntry::id).containsExactly(id);
		assertThat(as(agentA, "AGENT", () -> desk.resume())).contains(id);
	}

	@Test
	void the_pop_shows_the_numbers_earlier_calls_and_offers_the_subject_linked_on_them() {
		jdbc.sql("insert into app_user (username, display_name, password_hash) values (:u, '受付 花子', 'x')")
				.param("u", agentA).update();
		String number = uniqueNumber();
		String oldAbandoned = uniqueLinkedId();
		String oldAnswered = uniqueLinkedId();
		Instant earlier = CONNECTED.minus(Duration.ofDays(1));
		DeskTestSupport.callRecord(jdbc, oldAbandoned, earlier, "ABANDONED", number);
		DeskTestSupport.callRecord(jdbc, oldAnswered, earlier.plusSeconds(600), "ANSWERED", number);
		as(agentA, "AGENT", () -> desk.bind("inquiry", MEMBER, uniqueSession()));
		publisher.publishEvent(new CallConnected(oldAnswered, "inquiry", MEMBER, number, BigDecimal.ONE,
				earlier.plusSeconds(610)));
		long first = openEntryOf(agentA, oldAnswered);
		long reissue = category("手帳", "再交付");
		as(agentA, "AGENT", () -> desk.close(first, new CallLogDraft("9900000001", null, reissue, "再交付の手続を案内",
				null, null, Outcome.ANSWERED)));

		String now = uniqueLinkedId();
		publisher.publishEvent(new CallConnected(now, "inquiry", MEMBER, number, BigDecimal.TEN, CONNECTED));
		ScreenPop pop = as(agentA, "AGENT", () -> desk.pop(openEntryOf(agentA, now)));

		assertThat(pop.earlierCalls()).extracting(EarlierCall::result, EarlierCall::category, EarlierCall::note)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("回答済", "手帳 / 再交付", "再交付の手続を案内"),
						org.assertj.core.groups.Tuple.tuple("放棄", null, ""));
		// who logged it by display name, as people know them
		assertThat(pop.earlierCalls().get(0).agent()).isEqualTo("受付 花子");
		// The caller's number matched against the subjects through the call log: linked before, offered now.
		assertThat(pop.knownSubjects()).extracting(SubjectSummary::addressNumber).containsExactly("9900000001");
		// The subject named by an earlier call is in the VIEW entry of the pop.
		assertThat(jdbc.sql("""
				select count(*) from audit_event where username = :u and action = 'VIEW'
				and '9900000001' = any(subject_ids) and detail like '%着信表示%'
				""").param("u", agentA).query(Long.class).single()).isPositive();
	}

	@Test
	void closing_checks_what_is_missing_then_stores_everything_drops_the_draft_and_publishes_inquiry_closed() {
		ManualVersion used = as("fm-manual", "FLOOR_MANAGER", () -> editing.create(new ManualDraft("手帳 / 再交付",
				"なくした", "再交付申請書を送付", "", "テスト"), new CityAgreement(LocalDate.of(2026, 11, 2), "市 担当"), "test"));
		as(agentA, "AGENT", () -> desk.bind("inquiry", MEMBER, uniqueSession()));
		String call = uniqueLinkedId();
		publisher.publishEvent(new CallConnected(call, "inquiry", MEMBER, uniqueNumber(), BigDecimal.ONE, CONNECTED));
		long id = openEntryOf(agentA, call);

		assertThatThrownBy(() -> as(agentA, "AGENT", () -> desk.close(id, CallLogDraft.EMPTY.withOutcome(Outcome.NEEDS_INSTRUCTION))))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("問合せ区分を選んでください")
				.hasMessageContaining("相手方").hasMessageContaining("メモ");
		assertThatThrownBy(() -> as(agentA, "AGENT", () -> desk.close(id, new CallLogDraft(null, CallerKind.FAMILY,
				category("手帳", "紛失"), "", 99_999L, 1, Outcome.ANSWERED)))).hasMessageContaining("回答マニュアルの項目が見つかりません");
		long parentWithChildren = as(agentA, "AGENT", () -> categories.all()).stream()
				.filter(c -> c.name().equals("手帳") && c.parentId() == null).findFirst().orElseThrow().id();
		assertThatThrownBy(() -> as(agentA, "AGENT", () -> desk.close(id,
				new CallLogDraft(null, CallerKind.FAMILY, parentWithChildren, "", null, null, Outcome.ANSWERED))))
				.hasMessageContaining("選べません");
		assertThat(as(agentA, "AGENT", () -> desk.openEntries())).extracting(CallLogEntry::category).containsOnlyNulls();

		long lost = category("手帳", "紛失");
		CallLogDraft filled = new CallLogDraft(null, CallerKind.CARE_MANAGER, lost, "ケアマネジャーから。市に確認が必要",
				used.entryId(), used.version(), Outcome.NEEDS_INSTRUCTION);
		as(agentA, "AGENT", () -> desk.saveDraft(id, filled));
		CallLogEntry closed = as(agentA, "AGENT", () -> desk.close(id, filled));

		assertThat(closed.outcome()).isEqualTo(Outcome.NEEDS_INSTRUCTION);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.callerKind()).isEqualTo(CallerKind.CARE_MANAGER);
		assertThat(closed.manualEntryId()).isEqualTo(used.entryId());
		assertThat(closed.manualEntryVersion()).isEqualTo(used.version());
		assertThat(jdbc.sql("select count(*) from call_log_draft where call_log_id = :id").param("id", id)
				.query(Long.class).single()).isZero();
		assertThat(events.stream(InquiryClosed.class)).singleElement().satisfies(e -> {
			assertThat(e.callLogId()).isEqualTo(id);
			assertThat(e.linkedId()).isEqualTo(call);
			assertThat(e.category()).isEqualTo("手帳 / 紛失");
			assertThat(e.outcome()).isEqualTo(Outcome.NEEDS_INSTRUCTION);
			assertThat(e.agent()).isEqualTo(agentA);
			assertThat(e.subjectId()).isNull();
		});
		assertThatThrownBy(() -> as(agentA, "AGENT", () -> desk.close(id, filled.withOutcome(Outcome.ANSWERED))))
				.isInstanceOf(StateConflictException.class).hasMessageContaining("既に完了");
		assertThat(audit(agentA, "UPDATE")).anyMatch(d -> d.contains("市の指示待ち") && d.contains("手帳 / 紛失"));
	}

	@Test
	void a_manual_entry_has_no_telephony_and_is_marked_so() {
		String agent = uniqueUser("agent-m");
		CallLogEntry entry = as(agent, "AGENT", () -> desk.startManual("082-700-0005"));
		assertThat(entry.manual()).isTrue();
		assertThat(entry.linkedId()).isNull();
		assertThat(entry.callerNumber()).isEqualTo("0827000005");
		assertThatThrownBy(() -> as(agent, "AGENT", () -> desk.startManual("電話")))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("数字");

		long other = category("その他", "その他");
		CallLogEntry closed = as(agent, "AGENT", () -> desk.close(entry.id(),
				new CallLogDraft(null, CallerKind.OTHER, other, "窓口で受付", null, null, Outcome.ANSWERED)));
		assertThat(events.stream(InquiryClosed.class)).singleElement()
				.satisfies(e -> assertThat(e.linkedId()).isNull());
		assertThat(closed.manual()).isTrue();
		assertThat(audit(agent, "CREATE")).anyMatch(d -> d.contains("手動"));
	}

	@Test
	void the_subject_look_up_from_the_desk_finds_by_kana_says_whether_there_are_more_and_is_audited() {
		String agent = uniqueUser("agent-s");
		SubjectResults found = as(agent, "AGENT", () -> desk.findSubjects("たなか"));
		assertThat(found.subjects()).extracting(SubjectSummary::addressNumber).contains("9900000001", "9900000002");
		assertThat(found.limit()).isEqualTo(AgentDesk.SUBJECT_RESULTS);
		assertThat(found.more()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_event where username = :u and action = 'SEARCH' and channel = :c")
				.param("u", agent).param("c", AgentDesk.CHANNEL).query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> as(agent, "AGENT", () -> desk.findSubjects("  "))).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("入力");
		assertThat(as(agent, "AGENT", () -> desk.subject("9900000001"))).hasValueSatisfying(
				s -> assertThat(s.nameKanji()).isEqualTo("田中　太郎"));
		assertThat(as(agent, "AGENT", () -> desk.subject("9999"))).isEmpty();
	}

	@Test
	void floor_managers_edit_categories_and_agents_may_not() {
		String fm = uniqueUser("fm");
		long books = as(fm, "FLOOR_MANAGER", () -> categories.all()).stream().filter(c -> c.name().equals("手帳"))
				.findFirst().orElseThrow().id();
		String name = "住所変更" + uniqueUser("").substring(1, 5);
		InquiryCategory added = as(fm, "FLOOR_MANAGER", () -> categories.add(books, name));
		assertThat(added.fullName()).isEqualTo("手帳 / " + name);
		assertThatThrownBy(() -> as(fm, "FLOOR_MANAGER", () -> categories.add(books, name)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("既にあります");
		assertThatThrownBy(() -> as(fm, "FLOOR_MANAGER", () -> categories.add(added.id(), "三階層目")))
				.hasMessageContaining("2階層");
		assertThatThrownBy(() -> as(fm, "FLOOR_MANAGER", () -> categories.rename(999_999L, "x")))
				.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as("agent-x", "AGENT", () -> categories.add(null, "勝手な区分")))
				.isInstanceOf(AccessDeniedException.class);

		as(fm, "FLOOR_MANAGER", () -> categories.rename(added.id(), name + "・氏名"));
		as(fm, "FLOOR_MANAGER", () -> categories.setActive(added.id(), false));
		assertThat(as("agent-x", "AGENT", () -> categories.selectable())).extracting(InquiryCategory::fullName)
				.doesNotContain("手帳 / " + name + "・氏名").contains("手帳 / 再交付", "ポイント集計・通知", "交通費助成 / 申請")
				.doesNotContain("手帳");
		assertThat(audit(fm, "SETTINGS")).anyMatch(d -> d.contains("手帳 / " + name + " → 手帳 / " + name + "・氏名"));
		jdbc.sql("delete from inquiry_category where id = :id").param("id", added.id()).update();
	}

	@Test
	void users_other_than_desk_roles_may_not_use_the_desk() {
		assertThatThrownBy(() -> as("op", "OPERATOR", () -> desk.openEntries())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("city", "CITY_STAFF", () -> desk.bind("inquiry", MEMBER, uniqueSession())))
				.isInstanceOf(AccessDeniedException.class);
	}

	private long openEntryOf(String agent, String linkedId) {
		return jdbc.sql("select id from call_log where agent = :a and linked_id = :l").param("a", agent)
				.param("l", linkedId).query(Long.class).single();
	}

	private long category(String parent, String child) {
		return as(agentA, "AGENT", () -> categories.all()).stream()
				.filter(c -> c.fullName().equals(parent.equals(child) ? child : parent + " / " + child))
				.findFirst().orElseThrow().id();
	}

	private List<String> audit(String username, String action) {
		return jdbc.sql("select detail from audit_event where username = :u and action = :a").param("u", username)
				.param("a", action).query(String.class).list();
	}
}
