package jp.ikiiki.desk.subjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a caller may ask about one subject: identity, addresses, care level, subsidy, booklet and points status
 * (別紙2 and 別紙3). Values come from the latest city files; a field the files left blank is null. Flags are
 * {@code Boolean}: true for 1, false for 0, null for blank.
 *
 * @param addressNumber    宛名番号
 * @param managementNumber 申請書管理番号; null if none
 * @param nameKana         氏名カナ
 * @param nameKanji        氏名漢字
 * @param aliasKanji       通称名漢字; null if none
 * @param sex              性別 as shown (男 / 女); null if unknown
 * @param birthDate        生年月日
 * @param age              age in whole years today (Asia/Tokyo)
 * @param wardCode         区コード 101–108; null if unknown
 * @param wardName         区 (中区 …); null if unknown
 * @param residence        住所 (郵便番号, 住所漢字, 方書漢字)
 * @param mailing          送付先 (郵便番号, 住所, 方書); null if the city gave none
 * @param care             要介護認定
 * @param subsidy          交通費助成
 * @param booklet          いきいき活動ポイント手帳
 * @param points           points tallied (別紙3 columns 55–75)
 * @param bankAccount      口座 (別紙3 columns 78–81); null unless the reader is an OPERATOR, or if none registered
 * @param gaiji            characters awaiting the city's 外字 decision; empty if none
 * @param records          which city files hold the subject and whether they are ended
 */
public record SubjectDetail(String addressNumber, String managementNumber, String nameKana, String nameKanji,
		String aliasKanji, String sex, LocalDate birthDate, int age, Integer wardCode, String wardName,
		Address residence, Address mailing, Care care, Subsidy subsidy, Booklet booklet, Points points,
		@JsonInclude(JsonInclude.Include.NON_NULL) BankAccount bankAccount, List<GaijiFlag> gaiji, Records records) {

	/** True if every record the city sent is ended (the person is no longer in the city's files). */
	@JsonProperty("ended")
	public boolean ended() {
		return records.ended();
	}

	/**
	 * A postal address.
	 *
	 * @param postalCode 7 digits; null if none
	 * @param address    住所; null if none
	 * @param extra      方書 (building, room, care of); null if none
	 */
	public record Address(String postalCode, String address, String extra) {

		/** The postal code as 730-0011, or "" if none. */
		public String postalCodeDisplay() {
			return postalCode == null || postalCode.length() != 7 ? (postalCode == null ? "" : postalCode)
					: postalCode.substring(0, 3) + "-" + postalCode.substring(3);
		}
	}

	/**
	 * 要介護認定.
	 *
	 * @param insuredNumber     被保険者番号
	 * @param level             要介護認定状態 (要支援1 … 要介護5, 事業対象者, 非該当)
	 * @param applicationDate   認定申請日
	 * @param applicationReason 認定申請事由
	 * @param certifiedOn       認定日
	 * @param validFrom         認定有効開始日
	 * @param validTo           認定有効終了日
	 * @param disabilityKind    障害種別 (別紙2) or 不送付事由（障害種別） (別紙3)
	 */
	public record Care(String insuredNumber, String level, LocalDate applicationDate, String applicationReason,
			LocalDate certifiedOn, LocalDate validFrom, LocalDate validTo, String disabilityKind) {

		/** True if the certification has an end date before {@code today}. */
		public boolean expiredOn(LocalDate today) {
			return validTo != null && validTo.isBefore(today);
		}
	}

	/**
	 * 外出支援交通費助成.
	 *
	 * @param transportSubsidy         交通助成
	 * @param ticketType               利用券種
	 * @param decisionReason           決定事由
	 * @param receiptStatus            受給状況 (別紙2)
	 * @param processingStatus         処理状況 (別紙2)
	 * @param judgementCount           判定回数
	 * @param continuing               継続者フラグ
	 * @param referenceNumber          整理番号
	 * @param movedInKind              転入区分
	 * @param movedInDate              転入日（住民年月日）
	 * @param residentSince            住民となった日
	 * @param registrationKind         住登区分
	 * @param disabledTransportSubsidy 障害者交通助成
	 * @param disabledTicketType       障害者利用券種
	 * @param paspyId                  本人パスピーID
	 * @param citizenKind              市民区分
	 */
	public record Subsidy(Boolean transportSubsidy, String ticketType, String decisionReason, String receiptStatus,
			String processingStatus, Integer judgementCount, Boolean continuing, String referenceNumber,
			String movedInKind, LocalDate movedInDate, LocalDate residentSince, String registrationKind,
			Boolean disabledTransportSubsidy, String disabledTicketType, String paspyId, String citizenKind) {
	}

	/**
	 * The points booklet (別紙3).
	 *
	 * @param status                 ステータス
	 * @param additionalStatus       追加交付ステータス
	 * @param processingStatus       処理状況
	 * @param pointsExcluded         ポイント助成対象外
	 * @param issueRequested         ポイント手帳交付申出者フラグ
	 * @param issueRequestReceivedOn ポイント手帳交付申出書受付日
	 * @param disabledBookletWanted  障害・精神ポイント手帳希望者フラグ
	 * @param atomicBombFacility     原爆入所者フラグ
	 * @param notIssued              ポイント手帳不交付
	 * @param notIssuedReceivedOn    ポイント手帳不交付受付日
	 * @param stopped                ポイント手帳交付停止
	 * @param stoppedYear            ポイント手帳交付停止年度
	 * @param stoppedReason          ポイント手帳交付停止理由
	 * @param issueWanted            ポイント手帳交付希望
	 * @param issueWantedOn          ポイント手帳交付希望日
	 * @param movedInKind            転入区分
	 * @param dataUseRefused         データ使用不同意フラグ
	 * @param emergencyStop          緊急停止
	 * @param deathDate              死亡日
	 * @param memo                   メモ
	 * @param createdOn              手帳作成日
	 * @param receivedOn             手帳受付日
	 * @param accountReceivedOn      口座受付日
	 * @param deficiencyNoticeSentOn 不備状送付日
	 * @param paymentDueOn           支払予定日
	 * @param transferred            振込有無
	 * @param scanFile               手帳スキャンイメージファイル名
	 * @param additionalScanFile     追加手帳スキャンイメージファイル名
	 * @param registeredMailNumber   郵便引受番号
	 * @param extractedOn            抽出日
	 * @param remarks                備考
	 */
	public record Booklet(String status, String additionalStatus, String processingStatus, Boolean pointsExcluded,
			Boolean issueRequested, LocalDate issueRequestReceivedOn, Boolean disabledBookletWanted,
			Boolean atomicBombFacility, Boolean notIssued, LocalDate notIssuedReceivedOn, Boolean stopped,
			Integer stoppedYear, String stoppedReason, Boolean issueWanted, LocalDate issueWantedOn, String movedInKind,
			Boolean dataUseRefused, Boolean emergencyStop, LocalDate deathDate, String memo, LocalDate createdOn,
			LocalDate receivedOn, LocalDate accountReceivedOn, LocalDate deficiencyNoticeSentOn, LocalDate paymentDueOn,
			Boolean transferred, String scanFile, String additionalScanFile, String registeredMailNumber,
			LocalDate extractedOn, String remarks) {
	}

	/**
	 * Points tallied (別紙3 columns 55–75); null where not yet tallied.
	 *
	 * @param activity4P       活動4P
	 * @param activity2P       活動2P
	 * @param checkups         受診2P_1 … 受診2P_14, always 14 entries (null where blank)
	 * @param checkupSubtotal  受診2P小計
	 * @param health1P         健康1P
	 * @param total            ポイント合計
	 * @param cap              上限ポイント
	 * @param paymentAmount    支払金額 (yen)
	 */
	public record Points(Integer activity4P, Integer activity2P, List<Integer> checkups, Integer checkupSubtotal,
			Integer health1P, Integer total, Integer cap, Integer paymentAmount) {
	}

	/**
	 * 振込口座 (別紙3 columns 78–81). Only operators receive it.
	 *
	 * @param bankCode   金融機関コード
	 * @param bankName   金融機関名
	 * @param branchCode 店舗コード
	 * @param holder     口座名義人
	 */
	public record BankAccount(String bankCode, String bankName, String branchCode, String holder) {
	}

	/**
	 * Characters flagged at import for the city's 外字 decision (第3章1).
	 *
	 * @param column the 別紙 column header
	 * @param value  the cell as imported
	 * @param chars  the characters that cannot be printed as they are
	 */
	public record GaijiFlag(String column, String value, String chars) {
	}

	/**
	 * Which city files hold the subject.
	 *
	 * @param inIndex         a 交通費助成索引簿 (別紙2) row was imported
	 * @param indexEndedAt    when it went missing from a full 別紙2 file; null if current
	 * @param inProgress      a 対象者別進捗状況一覧 (別紙3) row was imported
	 * @param progressEndedAt when it went missing from a full 別紙3 file; null if current
	 * @param updatedAt       last change by an import
	 */
	public record Records(boolean inIndex, OffsetDateTime indexEndedAt, boolean inProgress,
			OffsetDateTime progressEndedAt, OffsetDateTime updatedAt) {

		/** True if no current record is left. */
		@JsonProperty("ended")
		public boolean ended() {
			return (!inIndex || indexEndedAt != null) && (!inProgress || progressEndedAt != null);
		}
	}
}
