package jp.ikiiki.desk.notices;

import java.util.Collection;
import java.util.Set;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;

/**
 * Who has a bank account registered that the year's incentive can be paid into (第8章4). Implemented by the module
 * that keeps accounts; the notice run asks every implementation and encloses the 口座登録用紙 for those with points
 * that none of them knows. With no implementation present nobody is known to have an account, so everyone with points
 * gets the form (the contract's rule when no account is on file).
 */
public interface RegisteredAccounts {

	/** Of {@code subjects}, those with an account usable for the payments of {@code year}. */
	Set<AddressNumber> withUsableAccount(Collection<AddressNumber> subjects, BusinessYear year);
}
