package jp.ikiiki.desk.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The payments' configuration ({@code ikiiki.payments}), documented in docs/operations.md.
 *
 * @param bankMaster   the bank and branch master
 * @param claimTimeout a keying pass of an account form left untouched this long may be taken over
 */
@Validated
@ConfigurationProperties("ikiiki.payments")
public record PaymentsProperties(@NotNull @Valid BankMasterSettings bankMaster, @NotNull Duration claimTimeout) {

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
