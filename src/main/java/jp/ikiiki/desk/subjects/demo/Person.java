package jp.ikiiki.desk.subjects.demo;

import java.time.LocalDate;
import jp.ikiiki.desk.subjects.demo.ReferenceData.Postcode;

/**
 * One synthetic resident, the same in every file of a seed (row {@code index} of both the 別紙2 and 別紙3 file).
 * Text is already rendered the way the city's files would hold it (full- or half-width kana, full-width or ASCII
 * digits in addresses); only dates, postcodes and the ward code are written differently per file.
 */
record Person(
		long index,
		String addressNumber,
		String managementNumber,
		String insuredNumber,
		int sex,
		String nameKanji,
		String nameKana,
		Gaiji gaiji,
		LocalDate birthDate,
		Postcode home,
		String address,
		String addressExtra,
		Postcode mailHome,
		String mailAddress,
		String mailExtra,
		String careLevel,
		LocalDate applicationDate,
		String applicationReason,
		LocalDate certificationDate,
		LocalDate validFrom,
		LocalDate validTo,
		boolean careShownInProgress,
		boolean granted,
		String ticketType,
		String decisionReason,
		boolean continuing,
		int assessments,
		String disability,
		LocalDate moveInDate,
		LocalDate residentSince,
		LocalDate deathDate) {

	/** Where a person's 外字 sits. */
	enum GaijiKind {
		/** None: every character is in JIS X 0208. */
		NONE,
		/** The surname is written with a variant outside JIS X 0208 (髙橋, 山﨑, 𠮷田 …). */
		VARIANT,
		/** A character of the surname was replaced by the placeholder 〓, ■ or ・ in the city's system. */
		PLACEHOLDER,
		/** The 方書 (building name) holds a symbol outside JIS X 0208 (Ⅱ, ② …). */
		SYMBOL
	}

	/**
	 * @param kind       where it is
	 * @param characters the flagged characters as written in UTF-8 (empty for {@link GaijiKind#NONE})
	 */
	record Gaiji(GaijiKind kind, String characters) {
		static final Gaiji NONE = new Gaiji(GaijiKind.NONE, "");
	}

	boolean dead() {
		return deathDate != null;
	}
}
