package jp.ikiiki.desk.printing.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.CharacterDecisions;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseFonts.Face;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CharacterDecisions} in {@code print_character_decision}. */
@Service
class JdbcCharacterDecisions implements CharacterDecisions {

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final FormRenderer renderer;

	JdbcCharacterDecisions(JdbcClient jdbc, AuditTrail audit, FormRenderer renderer) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.renderer = renderer;
	}

	@Override
	@Transactional
	public CharacterDecision record(CharacterDecision d, String channel) {
		if (d.field() == null || !d.field().equals("*") && !PrintFields.ALL.contains(d.field())) {
			throw new InvalidInputException("項目", "項目名が不正です: " + d.field());
		}
		if (d.kind() == null) {
			throw new InvalidInputException("判断", "判断の種類（置換またはカナ表記）を指定してください");
		}
		String subject = d.subjectId() == null || d.subjectId().isBlank() ? null : d.subjectId().strip();
		String original = "";
		String replacement = null;
		if (d.kind() == CharacterDecision.Kind.REPLACE) {
			if (d.original() == null || Printability.characters(d.original()).size() != 1) {
				throw new InvalidInputException("文字", "置換する文字は1文字で指定してください");
			}
			if (d.replacement() == null) {
				throw new InvalidInputException("置換後の文字", "置換後の文字を指定してください（空欄にする場合は空文字）");
			}
			List<String> bad = Printability.offending(d.replacement(),
					List.of(cmap(Face.MINCHO), cmap(Face.GOTHIC)));
			if (!bad.isEmpty()) {
				throw new InvalidInputException("置換後の文字", "置換後の文字も印字できません: " + String.join(" ", bad));
			}
			original = d.original();
			replacement = d.replacement();
		}
		String user = CurrentUser.name();
		CharacterDecision stored = jdbc.sql("""
				insert into print_character_decision (subject_id, field, kind, original, replacement, note, decided_by)
				values (:subject, :field, :kind, :original, :replacement, :note, :user)
				on conflict (coalesce(subject_id, ''), field, kind, original)
				do update set replacement = excluded.replacement, note = excluded.note,
				    decided_by = excluded.decided_by, decided_at = now()
				returning subject_id, field, kind, original, replacement, note, decided_by, decided_at
				""")
				.params(Map.of("field", d.field(), "kind", d.kind().name(), "original", original, "user", user))
				.param("subject", subject).param("replacement", replacement).param("note", d.note())
				.query(JdbcCharacterDecisions::map).single();
		audit.record(AuditAction.UPDATE, channel, subject == null ? List.of() : List.of(subject),
				"外字判断 " + d.field() + ": " + (d.kind() == CharacterDecision.Kind.KANA ? "カナ表記"
						: original + " → " + (replacement.isEmpty() ? "（削除）" : replacement))
						+ (subject == null ? "（全員）" : ""));
		return stored;
	}

	@Override
	public List<CharacterDecision> applying(Collection<String> subjectIds) {
		// one text parameter, not one per person: a run may hold 188,700 people (PostgreSQL takes at most 65,535
		// parameters); 宛名番号 never contain the unit separator
		List<String> ids = subjectIds.stream().filter(s -> s != null).distinct().toList();
		return jdbc.sql("""
				select subject_id, field, kind, original, replacement, note, decided_by, decided_at
				from print_character_decision
				where subject_id is null or subject_id = any(string_to_array(:ids, chr(31)))
				order by id
				""").param("ids", String.join("\u001f", ids)).query(JdbcCharacterDecisions::map).list();
	}

	private org.apache.fontbox.ttf.CmapLookup cmap(Face face) {
		try {
			return renderer.font(face).getUnicodeCmapLookup();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static CharacterDecision map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String original = rs.getString("original");
		return new CharacterDecision(rs.getString("subject_id"), rs.getString("field"),
				CharacterDecision.Kind.valueOf(rs.getString("kind")), original.isEmpty() ? null : original,
				rs.getString("replacement"), rs.getString("note"), rs.getString("decided_by"),
				rs.getObject("decided_at", java.time.OffsetDateTime.class));
	}

}
