package jp.ikiiki.desk.erasure.internal;

import java.util.List;
import jp.ikiiki.desk.audit.AuditSealing;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.stereotype.Component;

/**
 * The audit trail's personal values (宛名番号, file names, details with search terms), erased by destroying the
 * secrets they are sealed under; the entries themselves (who, what, when, where from) stay. Last of all, so that the
 * other stores' work is still audited readably up to this point.
 */
@Component
class AuditPersonalData implements PersonalDataStore {

	static final PersonalDataKind SEALED = PersonalDataKind.rows("audit.sealed_values",
			"監査ログの個人の値（宛名番号・ファイル名・検索条件などの詳細）");

	private final AuditSealing sealing;
	private final Reclaimer reclaimer;

	AuditPersonalData(AuditSealing sealing, Reclaimer reclaimer) {
		this.sealing = sealing;
		this.reclaimer = reclaimer;
	}

	@Override
	public String module() {
		return "audit";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(SEALED);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return sealing.counts().readable();
	}

	@Override
	public void erase() {
		sealing.destroySecrets(reclaimer.owner());
	}

	@Override
	public int order() {
		return 1000;
	}
}
