package jp.ikiiki.desk.payments;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Every bank (金融機関) and branch (店舗) code with its names, from the public zengin-code data (bundled, refreshable by
 * the operator without a release). Look-ups are answered from memory (a branch in well under a millisecond while
 * keying). A branch or bank missing from a newer file is kept, closed: still named for the accounts and payments
 * that hold it, refused for a new account.
 */
public interface BankMaster {

	/** The bank; empty if the code was never in the master. */
	Optional<Bank> bank(String code);

	/** The branch; empty if never in the master. */
	Optional<Branch> branch(String bankCode, String branchCode);

	/**
	 * The branch a new account may name: both codes as keyed (full-width digits tolerated), the bank and the branch in
	 * the master and open.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException naming the code and why (not digits, unknown, closed)
	 */
	Branch forNewAccount(String bankCode, String branchCode);

	/** Open banks whose code starts with, or whose kana or name contains, {@code text}; at most {@code limit}. */
	List<Bank> findBanks(String text, int limit);

	/** The open branches of a bank whose code starts with, or whose kana or name contains, {@code text}. */
	List<Branch> findBranches(String bankCode, String text, int limit);

	/** The master in force. */
	Version version();

	/** Every load, newest first. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Version> history();

	/**
	 * What a newer data file would change, without changing anything.
	 *
	 * @param fileName the file's name: the npm package ({@code zengin-code-*.tgz}), its {@code zengin-data.js}, or the
	 *                 same data as JSON
	 * @param content  the file
	 * @param dataDate the date of the data; may be null for the npm package (its version carries it)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  a file that is not zengin-code data, or without a date
	 * @throws jp.ikiiki.desk.shared.StateConflictException data not newer than the master in force
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Refresh preview(String fileName, InputStream content, LocalDate dataDate);

	/**
	 * Loads a newer data file: new banks and branches added, names updated, those missing closed (kept), closed ones
	 * that are back reopened. Audited.
	 *
	 * @param confirmed true once a person has seen a preview that closes more than the configured number of branches
	 * @throws jp.ikiiki.desk.shared.StateConflictException not newer, or too many closures without confirmation
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Refresh apply(String fileName, InputStream content, LocalDate dataDate, boolean confirmed);

	/**
	 * A bank.
	 *
	 * @param code       4 digits
	 * @param name       name (漢字)
	 * @param kana       name in full-width katakana, as the data carries it
	 * @param zenginName name as the 全銀 file carries it (half-width)
	 * @param open       false once missing from the master in force
	 */
	record Bank(String code, String name, String kana, String zenginName, boolean open) {
	}

	/**
	 * A branch.
	 *
	 * @param bankCode   4 digits
	 * @param code       3 digits
	 * @param name       name (漢字)
	 * @param kana       name in full-width katakana
	 * @param zenginName name as the 全銀 file carries it (half-width)
	 * @param open       false once missing from the master in force (or its bank is)
	 */
	record Branch(String bankCode, String code, String name, String kana, String zenginName, boolean open) {
	}

	/**
	 * A load of the master.
	 *
	 * @param id       the load
	 * @param dataDate the date of the data
	 * @param source   where it came from
	 * @param banks    banks in the file
	 * @param branches branches in the file
	 * @param loadedBy who loaded it ({@code system} at start-up)
	 * @param loadedAt when
	 */
	record Version(long id, LocalDate dataDate, String source, int banks, int branches, String loadedBy,
			Instant loadedAt) {
	}

	/**
	 * What a data file changes.
	 *
	 * @param dataDate          the date of the data
	 * @param banks             banks in the file
	 * @param branches          branches in the file
	 * @param added             banks and branches new to the master
	 * @param changed           banks and branches whose name changed
	 * @param closed            banks and branches missing from the file (kept, closed)
	 * @param reopened          closed ones back in the file
	 * @param closedExamples    some of the closed branches, for a person to check (bank code-branch code name)
	 * @param needsConfirmation true if more branches would close than the configured limit
	 * @param applied           true once loaded
	 */
	record Refresh(LocalDate dataDate, int banks, int branches, int added, int changed, int closed, int reopened,
			List<String> closedExamples, boolean needsConfirmation, boolean applied) {
	}
}
