package jp.ikiiki.desk.subjects;

import java.time.LocalDate;

/**
 * What a mailing needs to know about one subject (第4章): where to send it, what to print on it, and the flags the
 * contract's selection checks read. Read from the latest city files (別紙2 and 別紙3); a blank cell is null, a
 * flag is true only for 1.
 *
 * @param addressNumber    宛名番号; never null
 * @param managementNumber 申請書管理番号; null if none
 * @param nameKanji        氏名漢字; never null
 * @param nameKana         氏名カナ; never null
 * @param postalCode       7 digits of the 送付先 if the city gave one, else of the residence; null if none
 * @param address          送付先住所 if the city gave a 送付先, else 住所漢字; null if none
 * @param addressExtra     方書 of that address (送付先方書 with a 送付先, else 方書漢字); null if none
 * @param inIndex          a current (not ended) 交通費助成索引簿 (別紙2) record exists
 * @param inProgress       a current (not ended) 対象者別進捗状況一覧 (別紙3) record exists
 * @param ended            every record the city sent is ended: the person left the city's files (moved out)
 * @param deathDate        死亡日 (別紙3); null if none
 * @param pointsExcluded   ポイント助成対象外 (別紙3)
 * @param notIssued        ポイント手帳不交付 (不交付申出, 別紙3)
 * @param stopped          ポイント手帳交付停止 or 緊急停止 (別紙3)
 * @param bookletCreatedOn 手帳作成日 (別紙3): a booklet was issued; null if none
 * @param movedInKind      転入区分 (別紙2, else 別紙3); null if not a mover-in
 * @param ticketType       利用券種; null if none
 * @param decisionReason   決定事由 (別紙2, else 別紙3); null if none
 */
public record MailingSubject(String addressNumber, String managementNumber, String nameKanji, String nameKana,
		String postalCode, String address, String addressExtra, boolean inIndex, boolean inProgress, boolean ended, LocalDate deathDate,
		boolean pointsExcluded, boolean notIssued, boolean stopped, LocalDate bookletCreatedOn, String movedInKind,
		String ticketType, String decisionReason) {
}
