package jp.ikiiki.desk.mailings.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.PullOut;
import jp.ikiiki.desk.mailings.PullOutImport;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.ManagementNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pull-outs (引抜, 第4章1(3)(4)): an item found by 宛名番号, 申請書管理番号 or 引受番号 in every open batch, marked with
 * the city's reason and kept out of every count, the dispatch and the 引受番号 list; one at a time or the city's list
 * (all rows or none).
 */
@Component
class PullOuts {

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditTrail audit;

	PullOuts(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	List<PullOut> pullOut(String number, String reason, String channel) {
		if (number == null || number.isBlank()) {
			throw new InvalidInputException("番号", "宛名番号・申請書管理番号・引受番号のいずれかを入力してください");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("理由", "引抜の理由を入力してください");
		}
		List<PullOut> out = tx.execute(status -> pull(number, reason.strip()));
		if (out.isEmpty()) {
			throw new NotFoundException("番号 " + number.strip() + " はどの未発送バッチにもありません");
		}
		audit.record(AuditAction.UPDATE, channel, out.stream().map(PullOut::subjectId).distinct().toList(),
				"引抜: " + out.stream().map(p -> "バッチ" + p.batchId() + " 束" + p.bundleNo() + "-" + p.bundleSeq())
						.collect(Collectors.joining(", ")) + " 理由 " + reason.strip());
		return out;
	}

	/** Finds and marks; returns nothing if the number is in no open batch. */
	private List<PullOut> pull(String typed, String reason) {
		// a 宛名番号, a 申請書管理番号 (typed or scanned: scanner frame removed) or a 引受番号
		String n = ManagementNumber.normalize(typed);
		String digits = RegisteredNumber.digits(typed);
		if (n.isEmpty()) {
			return List.of();
		}
		String[] open = Arrays.stream(BatchStatus.values()).filter(s -> !s.closed()).map(Enum::name)
				.toArray(String[]::new);
		List<PullOut> found = jdbc.sql("""
				select e.batch_id, b.title, e.bundle_no, e.bundle_seq, e.subject_id, e.pulled_at is not null as already,
				  coalesce(e.pull_reason, :reason) as reason
				from mailing_envelope e join mailing_batch b on b.id = e.batch_id
				where b.status = any(:open)
				  and (e.subject_id = :n or upper(e.management_number) = upper(:n) or e.registered_number = :digits)
				order by e.batch_id, e.seq for update of e""")
				.param("n", n).param("digits", digits).param("reason", reason).param("open", open)
				.query((rs, i) -> new PullOut(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
						typed.strip(), rs.getString(7), rs.getBoolean(6)))
				.list();
		for (PullOut p : found) {
			if (!p.already()) {
				jdbc.sql("""
						update mailing_envelope set pulled_at = now(), pull_reason = :reason, pulled_by = :by
						where batch_id = :batch and subject_id = :subject and pulled_at is null""")
						.param("reason", reason).param("by", CurrentUser.name()).param("batch", p.batchId())
						.param("subject", p.subjectId()).update();
			}
		}
		return found;
	}

	PullOutImport importList(String fileName, InputStream content, String channel) {
		List<PullOutFile.Row> rows;
		try {
			rows = PullOutFile.read(fileName, content);
		} catch (InvalidInputException e) {
			audit.recordFile(AuditAction.IMPORT, channel, fileName, "引抜リスト 取込不可: 読込不可");
			return new PullOutImport(List.of(), List.of(e.reason()));
		}
		List<String> errors = new ArrayList<>();
		for (var r : rows) {
			if (r.number().isBlank()) {
				errors.add(r.line() + "行目: 番号が空です");
			} else if (r.reason().isBlank()) {
				errors.add(r.line() + "行目: 理由が空です（番号 " + r.number() + "）");
			}
		}
		if (rows.isEmpty()) {
			errors.add("引抜対象の行がありません");
		}
		if (!errors.isEmpty()) {
			audit.recordFile(AuditAction.IMPORT, channel, fileName, "引抜リスト 取込不可: " + errors.size() + " 件の不備");
			return new PullOutImport(List.of(), errors);
		}
		List<PullOut> pulled = new ArrayList<>();
		try {
			tx.executeWithoutResult(status -> {
				for (var r : rows) {
					var found = pull(r.number(), r.reason());
					if (found.isEmpty()) {
						errors.add(r.line() + "行目: 番号 " + r.number() + " はどの未発送バッチにもありません");
					}
					pulled.addAll(found);
				}
				if (!errors.isEmpty()) {
					throw new RowErrors();
				}
			});
		} catch (RowErrors e) {
			audit.recordFile(AuditAction.IMPORT, channel, fileName, "引抜リスト 取込不可: " + errors.size() + " 件の不備");
			return new PullOutImport(List.of(), errors);
		}
		audit.record(AuditAction.IMPORT, channel, pulled.stream().map(PullOut::subjectId).distinct().toList(), fileName,
				"引抜リスト 取込: " + rows.size() + " 行, 引抜 " + pulled.size() + " 通");
		return new PullOutImport(pulled, List.of());
	}

	/** Rolls the import's transaction back when any row failed. */
	private static final class RowErrors extends RuntimeException {
		RowErrors() {
			super(null, null, false, false);
		}
	}
}
