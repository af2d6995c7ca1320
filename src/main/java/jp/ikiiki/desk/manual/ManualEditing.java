package jp.ikiiki.desk.manual;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Editing the answer manual (第6章1(2)): floor managers write new versions of entries, and a version comes into
 * force once the city's agreement with it is recorded (date and who agreed at the city). Versions are never
 * changed or deleted, so a version a call log names stays readable. An entry no longer wanted is retired (廃止),
 * also with the city's agreement, and can be restored. Every change is written to the audit trail. Refusals are
 * {@link jp.ikiiki.desk.shared.DomainException}s with the reason in Japanese.
 */
public interface ManualEditing {

	/** Every entry, retired ones included, with its version in force and its newest version, by category and question. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','AGENT','CITY_STAFF')")
	List<EntryOverview> entries();

	/** Every version of an entry, newest first; empty for an unknown entry. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','AGENT','CITY_STAFF')")
	List<ManualVersion> history(long entryId);

	/** One version with its edit and agreement record. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','AGENT','CITY_STAFF')")
	Optional<ManualVersion> version(long entryId, int version);

	/**
	 * A new entry, version 1.
	 *
	 * @param draft     the text; question and answer not blank
	 * @param agreement the city's agreement when already given (the version is then in force), or null (a draft)
	 * @param channel   the screen or API call, for the audit trail
	 * @return the new version
	 * @throws jp.ikiiki.desk.shared.InvalidInputException on a blank question or answer, or an agreement without
	 *                                                     date or name, or dated in the future
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	ManualVersion create(ManualDraft draft, CityAgreement agreement, String channel);

	/**
	 * A new version of an entry. The version in force stays in force until the new one's agreement is recorded.
	 *
	 * @param basedOn the newest version the editor started from; if someone has added a version since, the edit
	 *                is refused (nothing is overwritten)
	 * @throws jp.ikiiki.desk.shared.NotFoundException      on an unknown entry
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  on bad text or agreement
	 * @throws jp.ikiiki.desk.shared.StateConflictException if {@code basedOn} is not the newest version, or the entry
	 *                                                      is retired
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	ManualVersion edit(long entryId, int basedOn, ManualDraft draft, CityAgreement agreement, String channel);

	/**
	 * Records the city's agreement with a draft, which puts it in force (the previous version in force is then
	 * superseded). Only the entry's newest version can be put in force.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      on an unknown entry or version
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  on an agreement without date or name, or a date in the
	 *                                                      future
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the version already has an agreement or is not the
	 *                                                      newest, or the entry is retired
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	ManualVersion recordAgreement(long entryId, int version, CityAgreement agreement, String channel);

	/**
	 * Retires an entry (廃止) with the city's agreement: agents no longer find it; its versions stay readable (the
	 * call logs that name them keep them) and it stays in the editor's list, marked.
	 *
	 * @param reason why, not blank
	 * @throws jp.ikiiki.desk.shared.NotFoundException      on an unknown entry
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  on a missing agreement or reason
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the entry is retired already
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	EntryOverview retire(long entryId, CityAgreement agreement, String reason, String channel);

	/**
	 * Restores a retired entry with the city's agreement: its version in force is found by agents again.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      on an unknown entry
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  on a missing agreement
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the entry is not retired
	 */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	EntryOverview restore(long entryId, CityAgreement agreement, String channel);

	/**
	 * The text of a new version.
	 *
	 * @param category the inquiry category it belongs to (e.g. {@code 手帳 / 再交付}), or null
	 * @param question the question as callers ask it
	 * @param answer   the agreed answer
	 * @param keywords extra search words (kana readings, callers' words), or null
	 * @param note     what changed and why, or null
	 */
	record ManualDraft(String category, String question, String answer, String keywords, String note) {
	}

	/**
	 * The city's agreement with a version (第6章1(2) 発注者と協議の上で更新).
	 *
	 * @param agreedOn 市合意日, not in the future
	 * @param agreedBy who agreed at the city (section and name)
	 */
	record CityAgreement(LocalDate agreedOn, String agreedBy) {
	}

	/** Where a version stands. */
	enum VersionState {
		/** Written, the city's agreement not yet recorded: agents do not see it. */
		DRAFT("下書き（市合意前）"),
		/** The version agents get. */
		IN_FORCE("適用中"),
		/** Agreed and later replaced by a newer agreed version. */
		SUPERSEDED("旧版"),
		/** Never agreed, and a newer version was written after it. */
		ABANDONED("未適用（後の版あり）");

		private final String label;

		VersionState(String label) {
			this.label = label;
		}

		/** The Japanese label. */
		public String label() {
			return label;
		}
	}

	/**
	 * One version with its history record.
	 *
	 * @param agreedOn            市合意日, or null for a draft
	 * @param agreedBy            who agreed at the city, or null
	 * @param agreementRecordedBy the user who recorded the agreement, or null
	 */
	record ManualVersion(long entryId, int version, String category, String question, String answer,
			String keywords, String note, String editedBy, Instant editedAt, LocalDate agreedOn, String agreedBy,
			String agreementRecordedBy, Instant agreementRecordedAt, VersionState state) {
	}

	/**
	 * An entry in the editor's list.
	 *
	 * @param inForceVersion the version agents get, or null when none has been agreed yet
	 * @param newestVersion  the newest version
	 * @param category       the newest version's category, or null
	 * @param question       the newest version's question
	 * @param reads          how often agents opened the entry
	 * @param lastEditedAt   when the newest version was written
	 * @param retirement     the retirement, or null while the entry is in use
	 */
	record EntryOverview(long entryId, Integer inForceVersion, int newestVersion, String category, String question,
			long reads, Instant lastEditedAt, Retirement retirement) {

		/** True when a version newer than the one in force waits for the city's agreement. */
		public boolean draftPending() {
			return retirement == null && (inForceVersion == null || newestVersion > inForceVersion);
		}

		/** True when the entry is retired (廃止). */
		public boolean retired() {
			return retirement != null;
		}
	}

	/**
	 * The retirement of an entry.
	 *
	 * @param agreedOn  市合意日
	 * @param agreedBy  who agreed at the city
	 * @param reason    why
	 * @param retiredBy the floor manager who recorded it
	 * @param retiredAt when
	 */
	record Retirement(LocalDate agreedOn, String agreedBy, String reason, String retiredBy, Instant retiredAt) {
	}
}
