package jp.ikiiki.desk.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The payments' configuration ({@code ikiiki.payments}), documented in docs/operations.md.
 *
 * @param bankMaster   the bank and branch master
 * @param claimTimeout a keying pass of an account form left untouched this long may be taken over
 * @param requester    振込依頼人 of the 全銀 総合振込 file (the city's paying account); blank: runs are refused
 * @param transferKind 振込指定区分 of every data record: 7 (電信振込) or 8 (文書振込)
 * @param lineEnding   CRLF after every 120-byte record, or NONE
 * @param paymentData  the 支払データ for the city
 * @param formImages   where the scanned 口座登録用紙 are kept and what a file may be
 */
@Validated
@ConfigurationProperties("ikiiki.payments")
public record PaymentsProperties(@NotNull @Valid BankMasterSettings bankMaster, @NotNull Duration claimTimeout,
		@NotNull Requester requester, @Pattern(regexp = "[78]") String transferKind, @NotNull LineEnding lineEnding,
		@NotNull @Valid PaymentData paymentData, @NotNull @Valid FormImages formImages) {

	public PaymentsProperties {
		transferKind = transferKind == null || transferKind.isBlank() ? "7" : transferKind.strip();
	}

	/**
	 * The scanned 口座登録用紙.
	 *
	 * @param dir      where the images are kept (outside the database)
	 * @param maxBytes the largest file
	 * @param maxPages the most pages of one form (the form and the bankbook copy)
	 */
	public record FormImages(@NotNull Path dir, @Min(1) long maxBytes, @Min(1) @jakarta.validation.constraints.Max(20) int maxPages) {
	}

	/** What ends each record of the transfer file. */
	public enum LineEnding {
		/** CR LF after every record. */
		CRLF,
		/** Nothing: 120-byte records back to back. */
		NONE
	}

	/**
	 * 振込依頼人 (the header record of the 全銀 file), as the city's bank gave them.
	 *
	 * @param code          振込依頼人コード, 10 digits
	 * @param name          振込依頼人名, kana (converted to 全銀 characters, up to 40)
	 * @param bankCode      仕向銀行番号, 4 digits
	 * @param branchCode    仕向支店番号, 3 digits
	 * @param accountType   預金種目 (依頼人): 1, 2 or 4
	 * @param accountNumber 口座番号 (依頼人), 7 digits
	 */
	public record Requester(String code, String name, String bankCode, String branchCode, Integer accountType,
			String accountNumber) {

		/** True if anything is missing or malformed (runs are refused). */
		public boolean incomplete() {
			return code == null || !code.matches("[0-9]{10}") || name == null || name.isBlank() || bankCode == null
					|| !bankCode.matches("[0-9]{4}") || branchCode == null || !branchCode.matches("[0-9]{3}")
					|| accountType == null || accountNumber == null || !accountNumber.matches("[0-9]{7}");
		}
	}

	/**
	 * The 支払データ for the city (第7章1(5): items agreed with it).
	 *
	 * @param columns    the columns, in order (empty: all)
	 * @param csvCharset the CSV's encoding: Windows-31J or UTF-8 (with a BOM)
	 */
	public record PaymentData(java.util.List<PaymentDataColumn> columns, @NotNull String csvCharset) {

		public PaymentData {
			columns = columns == null || columns.isEmpty() ? java.util.List.of(PaymentDataColumn.values())
					: java.util.List.copyOf(columns);
		}
	}

	/**
	 * The bank and branch master.
	 *
	 * @param file                   a zengin-code data file newer than the bundled one, applied at start-up if it is
	 *                               newer than what is loaded (blank: none)
	 * @param recheck                how often a node looks whether another node loaded a newer master
	 * @param closeWithoutConfirming a new file that would close more branches than this needs a person's confirmation
	 */
	public record BankMasterSettings(Path file, @NotNull Duration recheck, @Min(0) int closeWithoutConfirming) {
	}
}
