package jp.ikiiki.desk.notices;

import java.util.Collection;
import java.util.Set;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;

/**
 * Who has an account the incentive can be paid into (SPI, implemented by the module that keeps accounts). The notice
 * run sends the 口座登録用紙 to everyone with points who is not in the answer; with no implementation present nobody is
 * known to have an account.
 */
public interface RegisteredAccounts {

	/**
	 * The subjects among {@code subjects} with a usable account for {@code year}'s payment.
	 *
	 * @param subjects 宛名番号 to ask about; not null
	 * @param year     the business year the notice is for
	 * @return a subset of {@code subjects}; never null
	 */
	Set<AddressNumber> withUsableAccount(Collection<AddressNumber> subjects, BusinessYear year);
}
