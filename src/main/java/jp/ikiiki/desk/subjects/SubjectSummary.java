package jp.ikiiki.desk.subjects;

import java.time.LocalDate;

/**
 * One subject in a list of search results: enough to tell callers with the same name apart.
 *
 * @param addressNumber    宛名番号; never null
 * @param managementNumber 申請書管理番号; null if the city has not assigned one
 * @param nameKana         氏名カナ (full-width katakana, spaces as U+3000); never null
 * @param nameKanji        氏名漢字; never null
 * @param birthDate        生年月日; never null
 * @param wardCode         区コード 101–108; null if unknown
 * @param wardName         the ward's name (中区 …); null if unknown
 * @param address          住所漢字 and 方書漢字 as one line; empty if none
 * @param ended            true if every record the city sent for this person is ended (absent from the latest
 *                         full file): still shown, but marked
 */
public record SubjectSummary(String addressNumber, String managementNumber, String nameKana, String nameKanji,
		LocalDate birthDate, Integer wardCode, String wardName, String address, boolean ended) {
}
