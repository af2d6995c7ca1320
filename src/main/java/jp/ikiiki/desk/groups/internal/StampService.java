package jp.ikiiki.desk.groups.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.groups.GroupProfile;
import jp.ikiiki.desk.groups.GroupStamps;
import jp.ikiiki.desk.groups.GroupState;
import jp.ikiiki.desk.groups.Stamp;
import jp.ikiiki.desk.shared.CsvCells;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link GroupStamps} over {@code group_stamp} and its sequence. */
@Service
class StampService implements GroupStamps {

	static final int MAX_COUNT = 20;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;
	private final GroupsClock clock;
	private final GroupRows rows;
	private final AuditTrail audit;
	private final StampMailings mailings;

	StampService(JdbcClient jdbc, GroupsClock clock, GroupRows rows, AuditTrail audit, StampMailings mailings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rows = rows;
		this.audit = audit;
		this.mailings = mailings;
	}

	@Override
	public long startMailing(String channel) {
		return mailings.start(channel == null ? "スタンプ送付" : channel);
	}

	@Override
	@Transactional(readOnly = true)
	public int toMail() {
		return jdbc.sql("""
				select count(*) from group_stamp s join activity_group g on g.id = s.group_id
				where s.posted_by = 'CENTRE' and s.mailing_batch_id is null and s.mailed_on is null
				  and g.state in ('REGISTERED', 'CHANGED')""").query(Integer.class).single();
	}

	@Override
	@Transactional
	public List<Stamp> issue(long groupId, int count) {
		if (count < 1 || count > MAX_COUNT) {
			throw new InvalidInputException("count", "スタンプの数は1〜" + MAX_COUNT + "個で指定してください");
		}
		GroupState state = rows.lockState(groupId);
		if (!state.active()) {
			throw new StateConflictException("団体 " + groupId + " は登録されていないためスタンプを交付できません（" + state.name()
					+ "）").with("state", state.name());
		}
		GroupProfile g = JdbcGroupDirectory.lookup(jdbc, groupId).orElseThrow();
		int before = jdbc.sql("select count(*) from group_stamp where group_id = :g").param("g", groupId)
				.query(Integer.class).single();
		// 第5章3: medical institutions, pharmacies and groups with several stamps are posted by the city itself.
		String postedBy = g.category().medicalOrPharmacy() || before + count > 1 ? "CITY" : "CENTRE";
		LocalDate today = clock.today();
		for (int i = 0; i < count; i++) {
			jdbc.sql("""
					insert into group_stamp (number, group_id, issued_on, issued_by, issued_at, posted_by)
					values (nextval('group_stamp_number'), :g, :on, :by, :at, :p)""")
					.param("g", groupId).param("on", today).param("by", CurrentUser.name()).param("at", clock.at())
					.param("p", postedBy).update();
		}
		if (postedBy.equals("CITY") && before > 0) {
			// A group asking for more becomes a multi-stamp group: its unpacked stamps go to the city too.
			// Stamps already in a mailing batch stay with it (the batch's envelope is printed with them).
			jdbc.sql("update group_stamp set posted_by = 'CITY' where group_id = :g and packed_at is null"
					+ " and mailing_batch_id is null and mailed_on is null")
					.param("g", groupId).update();
		}
		List<Stamp> issued = jdbc.sql("""
				select * from (select * from group_stamp where group_id = :g order by number desc limit :n) s
				order by number""").param("g", groupId).param("n", count).query(StampService::stamp).list();
		rows.history(groupId, "STAMPS_ISSUED", null, "スタンプ " + issued.get(0).label()
				+ (count > 1 ? "〜" + issued.get(count - 1).label() : "") + "（" + count + "個）");
		return issued;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Stamp> of(long groupId) {
		return jdbc.sql("select * from group_stamp where group_id = :g order by number").param("g", groupId)
				.query(StampService::stamp).list();
	}

	@Override
	@Transactional
	public Stamp pack(String scanned) {
		long number = parse(scanned);
		Stamp s = jdbc.sql("select * from group_stamp where number = :n for update").param("n", number)
				.query(StampService::stamp).optional()
				.orElseThrow(() -> new NotFoundException("スタンプ " + Stamp.label(number) + " は交付されていません"));
		if (s.packedAt() != null) {
			throw new StateConflictException("スタンプ " + s.label() + " は梱包済みです（"
					+ TIME.format(s.packedAt().atZone(JapanTime.ZONE)) + " " + s.packedBy() + "）")
					.with("number", s.label());
		}
		if (s.postedBy().equals("CITY")) {
			throw new StateConflictException("スタンプ " + s.label() + " は市が送付する団体のものです（医療機関・薬局・複数交付）。"
					+ "封入せず市へ引き渡してください").with("number", s.label());
		}
		GroupState state = rows.lockState(s.groupId());
		if (!state.active()) {
			throw new StateConflictException("スタンプ " + s.label() + " の団体 " + s.groupId() + " は登録されていません（"
					+ state.name() + "）").with("number", s.label());
		}
		jdbc.sql("update group_stamp set packed_by = :by, packed_at = :at where number = :n")
				.param("by", CurrentUser.name()).param("at", clock.at()).param("n", number).update();
		return jdbc.sql("select * from group_stamp where number = :n").param("n", number).query(StampService::stamp)
				.single();
	}

	/** The number of a scanned label: GS + 7 digits (width and case forgiven). */
	static long parse(String scanned) {
		if (scanned == null || scanned.isBlank()) {
			throw new InvalidInputException("label", "ラベルのバーコードを読み取ってください");
		}
		String s = Normalizer.normalize(scanned, Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT);
		if (!s.matches("GS[0-9]{7}")) {
			throw new InvalidInputException("label", "スタンプのラベルではありません（GS と7桁の数字のバーコードです）");
		}
		long n = Long.parseLong(s.substring(2));
		if (n == 0) {
			throw new InvalidInputException("label", "スタンプのラベルではありません（番号 0）");
		}
		return n;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Stamp> toPack() {
		return jdbc.sql("""
				select s.* from group_stamp s join activity_group g on g.id = s.group_id
				where s.packed_at is null and s.posted_by = 'CENTRE' and g.state in ('REGISTERED', 'CHANGED')
				order by s.number""").query(StampService::stamp).list();
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] dataFile(YearMonth month, String channel) {
		if (month == null) {
			throw new InvalidInputException("month", "月（yyyy-MM）を指定してください");
		}
		var sb = new StringBuilder("\uFEFF");
		sb.append(CsvCells.line("スタンプ番号", "団体番号", "団体名", "団体名（カナ）", "種別", "区", "交付日", "送付", "梱包日時"))
				.append("\r\n");
		int[] rowsOut = { 0 };
		jdbc.sql("""
				select s.number, s.group_id, g.name, g.name_kana, g.category, g.ward, s.issued_on, s.posted_by, s.packed_at
				  from group_stamp s join activity_group g on g.id = s.group_id
				 where s.issued_on between :from and :to order by s.number""")
				.param("from", month.atDay(1)).param("to", month.atEndOfMonth())
				.query((RowCallbackHandler) rs -> {
					var packed = rs.getObject("packed_at", java.time.OffsetDateTime.class);
					sb.append(CsvCells.line(Stamp.label(rs.getLong("number")), rs.getLong("group_id"),
							rs.getString("name"), rs.getString("name_kana"),
							GroupFormsService.categoryLabel(rs.getString("category")),
							GroupFormsService.wardLabel(String.valueOf(rs.getInt("ward"))),
							rs.getObject("issued_on", LocalDate.class).toString(),
							rs.getString("posted_by").equals("CITY") ? "市が送付" : "受注者が送付",
							packed == null ? "" : TIME.format(packed.toInstant().atZone(JapanTime.ZONE))))
							.append("\r\n");
					rowsOut[0]++;
				});
		String name = "stamp-numbers-" + month + ".csv";
		audit.recordFile(AuditAction.EXPORT, channel == null ? "スタンプ番号データ" : channel, name, rowsOut[0] + " 件");
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] labels(List<Long> numbers, String channel) {
		if (numbers == null || numbers.isEmpty()) {
			throw new InvalidInputException("numbers", "ラベルを印刷するスタンプ番号を指定してください");
		}
		if (numbers.size() > 2400) {
			throw new InvalidInputException("numbers", "ラベルは1回2,400枚までです");
		}
		List<Stamp> stamps = jdbc.sql("select * from group_stamp where number in (:n) order by number")
				.param("n", numbers).query(StampService::stamp).list();
		if (stamps.size() != numbers.stream().distinct().count()) {
			throw new NotFoundException("交付されていないスタンプ番号が含まれています");
		}
		Map<Long, String> names = new HashMap<>();
		jdbc.sql("select id, name from activity_group where id in (:ids)")
				.param("ids", stamps.stream().map(Stamp::groupId).distinct().toList())
				.query((RowCallbackHandler) rs -> names.put(rs.getLong(1), rs.getString(2)));
		audit.recordFile(AuditAction.PRINT, channel == null ? "スタンプラベル" : channel, "stamp-labels.pdf",
				stamps.size() + " 枚");
		return StampPrints.labels(stamps, names);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] registrationNotice(long groupId, String channel) {
		GroupProfile g = JdbcGroupDirectory.lookup(jdbc, groupId)
				.orElseThrow(() -> new NotFoundException("団体 " + groupId + " はありません"));
		List<Stamp> stamps = of(groupId);
		if (stamps.isEmpty()) {
			throw new StateConflictException("団体 " + groupId + " にはスタンプが交付されていません");
		}
		audit.recordFile(AuditAction.PRINT, channel == null ? "活動団体登録通知書" : channel,
				"registration-notice-" + groupId + ".pdf", "活動団体 " + groupId + "（代表者名・住所を印字）");
		return StampPrints.notice(g, stamps, stamps.get(stamps.size() - 1).issuedOn());
	}

	static Stamp stamp(ResultSet rs, int n) throws SQLException {
		long number = rs.getLong("number");
		return new Stamp(number, Stamp.label(number), rs.getLong("group_id"), rs.getObject("issued_on", LocalDate.class),
				rs.getString("posted_by"), GroupsClock.instant(rs, "packed_at"), rs.getString("packed_by"),
				(Long) rs.getObject("mailing_batch_id"), rs.getObject("mailed_on", LocalDate.class));
	}
}
