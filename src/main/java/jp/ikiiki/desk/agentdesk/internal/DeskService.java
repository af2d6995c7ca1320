package jp.ikiiki.desk.agentdesk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.agentdesk.DeskMember;
import jp.ikiiki.desk.agentdesk.EarlierCall;
import jp.ikiiki.desk.agentdesk.IncomingCall;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.agentdesk.InquiryClosed;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.agentdesk.ScreenPop;
import jp.ikiiki.desk.agentdesk.SubjectResults;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.SubjectMailings;
import jp.ikiiki.desk.manual.AnswerManual;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.security.UserDirectory;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.shared.Versions;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The desk: bindings, the pop's content, drafts and the call log. The pop itself comes from {@link PopDispatcher}. */
@Service
class DeskService implements AgentDesk {

	/** Earlier calls of a number shown in the pop, from each source. */
	static final int EARLIER_CALLS = 20;
	/** Subjects linked on earlier calls from the number, offered at once in the pop. */
	static final int KNOWN_SUBJECTS = 3;

	private final CallLogStore store;
	private final CallLogDrafts drafts;
	private final DeskBindings bindings;
	private final PopBus bus;
	private final JdbcInquiryCategories categories;
	private final QueueMembers members;
	private final CallRecords callRecords;
	private final SubjectLookup subjects;
	private final Mailings mailings;
	private final UserDirectory users;
	/** The answer manual; absent in a context without the manual module (the desk then records no entry). */
	private final ObjectProvider<AnswerManual> manual;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DeskService(CallLogStore store, CallLogDrafts drafts, DeskBindings bindings, PopBus bus,
			JdbcInquiryCategories categories, QueueMembers members, CallRecords callRecords, SubjectLookup subjects,
			Mailings mailings, UserDirectory users, ObjectProvider<AnswerManual> manual, AuditTrail audit, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.store = store;
		this.drafts = drafts;
		this.bindings = bindings;
		this.bus = bus;
		this.categories = categories;
		this.members = members;
		this.callRecords = callRecords;
		this.subjects = subjects;
		this.mailings = mailings;
		this.users = users;
		this.manual = manual;
		this.audit = audit;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	// ------------------------------------------------------------------ the pop

	@Override
	public Runnable subscribe(Consumer<IncomingCall> onPop) {
		return bus.subscribe(CurrentUser.person(), onPop);
	}

	@Override
	public ScreenPop pop(long callLogId) {
		CallLogEntry entry = owned(callLogId);
		CallLogDraft draft = entry.open() ? drafts.find(entry.id()).orElseGet(() -> fromEntry(entry)) : fromEntry(entry);
		if (entry.open() && entry.agent().equals(CurrentUser.name())) {
			drafts.opened(entry.id(), CurrentUser.name(), clock.instant());
		}
		List<EarlierCall> earlier = earlierCalls(entry);
		Set<String> shown = new LinkedHashSet<>();
		if (draft.subjectId() != null) {
			shown.add(draft.subjectId());
		}
		earlier.stream().map(EarlierCall::subjectId).filter(s -> s != null).forEach(shown::add);
		audit.record(AuditAction.VIEW, CHANNEL, shown, "着信表示 通話記録 #" + entry.id() + "（発信者番号と同一番号の過去の通話 "
				+ earlier.size() + "件）");
		AnswerManual m = manual.getIfAvailable();
		ManualEntry used = draft.manualEntryId() == null || m == null ? null
				: m.lookup(draft.manualEntryId(), draft.manualEntryVersion()).orElse(null);
		return new ScreenPop(entry, draft, used, earlier, knownSubjects(earlier));
	}

	private List<EarlierCall> earlierCalls(CallLogEntry entry) {
		if (entry.callerNumber() == null || entry.callerNumber().isBlank()) {
			return List.of();
		}
		List<CallLogEntry> logged = store.fromCaller(entry.callerNumber(), entry.startedAt(), entry.id(), EARLIER_CALLS);
		List<CallRecord> recorded = callRecords.fromCaller(entry.callerNumber(), entry.startedAt(), EARLIER_CALLS, CHANNEL);
		return named(EarlierCalls.merge(entry.linkedId(), logged, recorded, EARLIER_CALLS));
	}

	/** The agents of logged calls by display name (the member's name stays for calls only the telephony saw). */
	private List<EarlierCall> named(List<EarlierCall> calls) {
		List<String> agents = calls.stream().filter(EarlierCall::logged).map(EarlierCall::agent).filter(a -> a != null)
				.distinct().toList();
		if (agents.isEmpty()) {
			return calls;
		}
		Map<String, String> names = users.displayNames(agents);
		return calls.stream().map(c -> !c.logged() || c.agent() == null ? c
				: new EarlierCall(c.at(), c.logged(), c.result(), c.category(), c.note(),
						names.getOrDefault(c.agent(), c.agent()), c.subjectId())).toList();
	}

	/**
	 * The caller's number matched against the subjects: the city's files carry no telephone numbers, so the match
	 * is the subjects agents linked on earlier calls from the same number, most recent first. Each is looked up
	 * (audited as a search) so that the desk offers the same summary as a search would.
	 */
	private List<SubjectSummary> knownSubjects(List<EarlierCall> earlier) {
		List<String> ids = earlier.stream().filter(EarlierCall::logged).map(EarlierCall::subjectId)
				.filter(s -> s != null).distinct().limit(KNOWN_SUBJECTS).toList();
		List<SubjectSummary> known = new ArrayList<>();
		for (String id : ids) {
			known.addAll(subjects.search(new SubjectQuery(null, id, null, null, null, null, List.of(), List.of()), 1,
					CHANNEL));
		}
		return known;
	}

	private static CallLogDraft fromEntry(CallLogEntry e) {
		return new CallLogDraft(e.subjectId(), e.callerKind(), e.category() == null ? null : e.category().id(),
				e.note(), e.manualEntryId(), e.manualEntryVersion(), e.outcome());
	}

	// ------------------------------------------------------------------ binding

	@Override
	public List<DeskMember> members() {
		Map<String, String> bound = bindings.all().stream()
				.collect(Collectors.toMap(b -> b.queue() + "\u0000" + b.memberInterface(), DeskBinding::username));
		return members.members().stream()
				.map(m -> new DeskMember(m.queue(), m.memberInterface(), m.name(), m.activity().label(),
						bound.get(m.queue() + "\u0000" + m.memberInterface())))
				.toList();
	}

	@Override
	public Optional<DeskBinding> binding() {
		return bindings.of(CurrentUser.person());
	}

	@Override
	@Transactional
	public DeskBinding bind(String queue, String memberInterface, String sessionId) {
		String me = CurrentUser.person();
		QueueMemberState member = members.member(queue, memberInterface).orElseThrow(
				() -> new NotFoundException("電話（キューメンバー）が見つかりません: " + memberInterface));
		Optional<DeskBinding> other = bindings.atMember(queue, memberInterface).filter(b -> !b.username().equals(me));
		if (other.isPresent()) {
			throw new StateConflictException("この電話（" + member.name() + "）は「" + other.get().username()
					+ "」さんが使用中です。先に解除してもらってください");
		}
		try {
			bindings.bind(me, queue, memberInterface, DeskSessions.key(sessionId));
		} catch (DuplicateKeyException e) {
			throw new StateConflictException("この電話（" + member.name() + "）は他の担当者が使用中です");
		}
		audit.record(AuditAction.UPDATE, CHANNEL, List.of(), "電話に接続: " + queue + " " + memberInterface);
		return bindings.of(me).orElseThrow();
	}

	@Override
	@Transactional
	public void release() {
		String me = CurrentUser.person();
		Optional<DeskBinding> before = bindings.of(me);
		if (bindings.release(me) && before.isPresent()) {
			audit.record(AuditAction.UPDATE, CHANNEL, List.of(),
					"電話の接続を解除: " + before.get().queue() + " " + before.get().memberInterface());
		}
	}

	// ------------------------------------------------------------------ the log

	@Override
	public Optional<Long> resume() {
		return drafts.latestOpen(CurrentUser.person());
	}

	@Override
	public List<CallLogEntry> openEntries() {
		List<CallLogEntry> open = store.openOf(CurrentUser.person());
		audit.record(AuditAction.VIEW, CHANNEL, open.stream().map(CallLogEntry::subjectId).filter(s -> s != null)
				.distinct().toList(), "未完了の通話記録 " + open.size() + "件");
		return open;
	}

	@Override
	@Transactional
	public CallLogEntry startManual(String callerNumber) {
		String number = callerNumber == null || callerNumber.isBlank() ? null
				: java.text.Normalizer.normalize(callerNumber, java.text.Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
		if (number != null && !number.matches("\\+?[0-9]{1,20}")) {
			throw new InvalidInputException("電話番号", "電話番号は数字で入力してください（ハイフンは省略可）");
		}
		long id = store.openManual(number, CurrentUser.person(), clock.instant());
		audit.record(AuditAction.CREATE, CHANNEL, List.of(), "通話記録 #" + id + " を手動で作成（電話システム外）");
		return store.find(id).orElseThrow();
	}

	@Override
	public SubjectResults findSubjects(String text) {
		SubjectQuery query;
		try {
			query = SubjectQuery.parse(text);
		} catch (IllegalArgumentException e) {
			throw new InvalidInputException("対象者検索", e.getMessage());
		}
		if (query.isEmpty()) {
			throw new InvalidInputException("対象者検索", "カナ氏名・宛名番号・生年月日などを入力してください");
		}
		// One more than shown: whether there are more than the desk lists, without counting them all.
		List<SubjectSummary> found = subjects.search(query, SUBJECT_RESULTS + 1, CHANNEL);
		boolean more = found.size() > SUBJECT_RESULTS;
		return new SubjectResults(more ? found.subList(0, SUBJECT_RESULTS) : found, more, SUBJECT_RESULTS);
	}

	@Override
	public Optional<SubjectDetail> subject(String addressNumber) {
		return AddressNumber.tryParse(addressNumber).flatMap(n -> subjects.find(n.value(), CHANNEL));
	}

	@Override
	public SubjectMailings mailings(String addressNumber) {
		return mailings.sentTo(addressNumber, CHANNEL);
	}

	@Override
	public List<ManualEntry> searchManual(String text) {
		AnswerManual m = manual.getIfAvailable();
		return m == null ? List.of() : m.search(text == null ? "" : text, 20);
	}

	@Override
	public void saveDraft(long callLogId, CallLogDraft draft) {
		CallLogEntry entry = ownedOpen(callLogId);
		CallLogDraft kept = shaped(draft);
		if (kept.categoryId() != null && categories.find(kept.categoryId()).isEmpty()) {
			throw new InvalidInputException("問合せ区分", "問合せ区分が見つかりません: " + kept.categoryId());
		}
		if (!drafts.save(entry.id(), kept, CurrentUser.name(), clock.instant())) {
			throw new StateConflictException("通話記録 #" + entry.id() + " は既に完了しています");
		}
	}

	@Override
	@Transactional
	public CallLogEntry close(long callLogId, CallLogDraft draft) {
		CallLogEntry entry = ownedOpen(callLogId);
		CallLogDraft d = shaped(draft);
		CallerKind kind = checked(d);
		List<String> missing = new ArrayList<>();
		if (d.categoryId() == null) {
			missing.add("問合せ区分を選んでください");
		}
		if (d.subjectId() == null && kind == null) {
			missing.add("対象者を紐付けるか、相手方（家族・ケアマネジャー等）を選んでください");
		}
		if (d.outcome() == null) {
			missing.add("結果（回答済・折返し・市の指示待ち）を選んでください");
		}
		if (d.outcome() == Outcome.NEEDS_INSTRUCTION && d.note().isBlank()) {
			missing.add("市の指示待ちにするには、聞き取った内容をメモに入力してください");
		}
		if (!missing.isEmpty()) {
			DomainException refusal = new InvalidInputException(String.join("。", missing));
			refusal.with("missing", missing);
			throw refusal;
		}
		Instant now = clock.instant();
		store.update(entry.id(), d, kind);
		if (!store.close(entry.id(), d.outcome(), now)) {
			throw new StateConflictException("通話記録 #" + entry.id() + " は既に完了しています");
		}
		drafts.delete(entry.id());
		CallLogEntry closed = store.find(entry.id()).orElseThrow();
		audit.record(AuditAction.UPDATE, CHANNEL, subjectIds(closed),
				"通話記録 #" + closed.id() + " を完了: " + d.outcome().label() + " / " + closed.category().fullName());
		events.publishEvent(new InquiryClosed(closed.id(), closed.linkedId(), closed.subjectId(),
				closed.callerNumber(), closed.category().fullName(), closed.note(), d.outcome(), closed.agent(), now));
		return closed;
	}

	/** The draft as it can be kept: a 宛名番号 in its one form, a note within its length, an entry with its version. */
	private static CallLogDraft shaped(CallLogDraft draft) {
		if (draft == null) {
			return CallLogDraft.EMPTY;
		}
		String subject = null;
		if (draft.subjectId() != null && !draft.subjectId().isBlank()) {
			subject = AddressNumber.parse(draft.subjectId()).value();
		}
		if (draft.note().length() > CallLogDraft.MAX_NOTE) {
			throw new InvalidInputException("メモ",
					"メモは" + CallLogDraft.MAX_NOTE + "文字以内にしてください（" + draft.note().length() + "文字）");
		}
		if (draft.manualEntryId() == null && draft.manualEntryVersion() != null) {
			throw new InvalidInputException("回答マニュアル", "回答マニュアルの版だけが指定されています");
		}
		if (draft.manualEntryId() != null && draft.manualEntryVersion() == null) {
			throw new InvalidInputException("回答マニュアル", "回答マニュアルの項目に版がありません");
		}
		if (draft.manualEntryVersion() != null && draft.manualEntryVersion() < 1) {
			throw new InvalidInputException("回答マニュアル", "回答マニュアルの版は第1版からです");
		}
		return new CallLogDraft(subject, draft.callerKind(), draft.categoryId(), draft.note(), draft.manualEntryId(),
				draft.manualEntryVersion(), draft.outcome());
	}

	/** Checks the draft's references for closing; returns who called (SUBJECT when a subject is linked). */
	private CallerKind checked(CallLogDraft draft) {
		if (draft.categoryId() != null) {
			InquiryCategory category = categories.find(draft.categoryId())
					.orElseThrow(() -> new InvalidInputException("問合せ区分", "問合せ区分が見つかりません: " + draft.categoryId()));
			if (categories.selectable().stream().noneMatch(c -> c.id() == category.id())) {
				throw new InvalidInputException("問合せ区分",
						"問合せ区分「" + category.fullName() + "」は選べません（廃止済みか、下位区分があります）");
			}
		}
		if (draft.manualEntryId() != null) {
			AnswerManual m = manual.getIfAvailable();
			if (m == null || m.entry(draft.manualEntryId(), draft.manualEntryVersion()).isEmpty()) {
				throw new InvalidInputException("回答マニュアル", "回答マニュアルの項目が見つかりません: No." + draft.manualEntryId()
						+ " " + Versions.label(draft.manualEntryVersion()));
			}
		}
		if (draft.callerKind() == null && draft.subjectId() != null) {
			return CallerKind.SUBJECT;
		}
		return draft.callerKind();
	}

	private CallLogEntry ownedOpen(long id) {
		CallLogEntry entry = owned(id);
		if (!entry.open()) {
			throw new StateConflictException("通話記録 #" + id + " は既に完了しています");
		}
		return entry;
	}

	/** The entry if it is the user's (floor managers may act on every entry). */
	private CallLogEntry owned(long id) {
		CallLogEntry entry = store.find(id).orElseThrow(() -> new NotFoundException("通話記録 #" + id + " が見つかりません"));
		if (!entry.agent().equals(CurrentUser.person()) && !CurrentUser.hasRole("FLOOR_MANAGER")) {
			throw new NotFoundException("通話記録 #" + id + " は他の担当者の通話記録です");
		}
		return entry;
	}

	private static List<String> subjectIds(CallLogEntry entry) {
		return entry.subjectId() == null ? List.of() : List.of(entry.subjectId());
	}
}
