package jp.ikiiki.desk.mailings.internal;

import java.util.ArrayList;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.MailingDownload;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 引受番号 for registered mail (第4章1(6)): the ranges the post office hands out, their assignment to a batch's
 * envelopes (all or none, never a number twice: the column is unique and ranges only move forward) and the list for
 * the city.
 */
@Component
class RegisteredNumberRanges {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final BatchStore store;
	private final BatchContents contents;
	private final AuditTrail audit;

	RegisteredNumberRanges(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, BatchStore store,
			BatchContents contents, AuditTrail audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.store = store;
		this.contents = contents;
		this.audit = audit;
	}

	/**
	 * Gives every envelope not pulled out and without a number the next ones from the ranges; all or none.
	 *
	 * @throws StateConflictException if the ranges hold fewer unused numbers than needed (nothing assigned)
	 */
	void assign(long batchId) {
		tx.executeWithoutResult(status -> {
			List<String> missing = jdbc.sql("""
					select subject_id from mailing_envelope where batch_id = :id and registered_number is null
					  and pulled_at is null order by seq for update""").param("id", batchId).query(String.class).list();
			if (missing.isEmpty()) {
				return;
			}
			List<RegisteredNumber.Range> ranges = jdbc.sql("""
					select id, next_base, last_base from registered_number_range where next_base <= last_base
					order by id for update""")
					.query((rs, n) -> new RegisteredNumber.Range(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
			var allocation = RegisteredNumber.allocate(ranges, missing.size());
			allocation.nextById().forEach((id, next) -> jdbc.sql(
					"update registered_number_range set next_base = :next where id = :id").param("next", next)
					.param("id", id).update());
			List<Object[]> updates = new ArrayList<>(missing.size());
			for (int i = 0; i < missing.size(); i++) {
				updates.add(new Object[] { RegisteredNumber.of(allocation.bases().get(i)), batchId, missing.get(i) });
			}
			template.batchUpdate("update mailing_envelope set registered_number = ? where batch_id = ? and subject_id = ?",
					updates);
		});
	}

	long addRange(String first, String last, String channel) {
		long from = RegisteredNumber.parseBase("最初の引受番号", first);
		long to = RegisteredNumber.parseBase("最後の引受番号", last);
		if (from > to) {
			throw new InvalidInputException("最後の引受番号", "番号帯の最初の番号が最後の番号より後です");
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("lock table registered_number_range in exclusive mode").update();
			int overlaps = jdbc.sql("""
					select count(*) from registered_number_range where first_base <= :to and last_base >= :from""")
					.param("from", from).param("to", to).query(Integer.class).single();
			if (overlaps > 0) {
				throw new InvalidInputException("最初の引受番号",
						"この番号帯は登録済の番号帯と重なっています（引受番号は再利用できません）");
			}
			jdbc.sql("""
					insert into registered_number_range (first_base, last_base, next_base, created_by)
					values (:from, :to, :from, :by)""").param("from", from).param("to", to).param("by", CurrentUser.name())
					.update();
		});
		audit.record(AuditAction.SETTINGS, channel, List.of(), "引受番号帯 登録: " + RegisteredNumber.display(RegisteredNumber.of(from))
				+ " 〜 " + RegisteredNumber.display(RegisteredNumber.of(to)) + "（" + (to - from + 1) + " 件）");
		return left();
	}

	long left() {
		return jdbc.sql("select coalesce(sum(last_base - next_base + 1), 0) from registered_number_range where next_base <= last_base")
				.query(Long.class).single();
	}

	MailingDownload xlsx(long batchId, String channel) {
		BatchStore.Batch b = store.load(batchId);
		if (!b.kind().registeredMail()) {
			throw new StateConflictException(b.kind().label() + " は簡易書留ではないため、引受番号一覧はありません");
		}
		List<Envelope> rows = jdbc.sql("""
				select * from mailing_envelope where batch_id = :id and pulled_at is null and registered_number is not null
				order by seq""").param("id", batchId).query(contents::envelope).list();
		if (rows.isEmpty()) {
			throw new StateConflictException("引受番号はまだ割り当てられていません（印刷ファイル作成時に割り当てます）");
		}
		String name = "引受番号一覧_バッチ" + batchId + ".xlsx";
		byte[] content = Workbooks.registeredNumbers(b.title(), b.kind().audience().subjects(), rows);
		audit.record(AuditAction.DOWNLOAD, channel, rows.stream().map(Envelope::subjectId).toList(), name,
				"郵送バッチ " + batchId + " 引受番号 " + rows.size() + " 件");
		return new MailingDownload(name, MailingDownload.XLSX, content);
	}
}
