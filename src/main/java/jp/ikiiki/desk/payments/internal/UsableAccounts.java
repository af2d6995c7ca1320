package jp.ikiiki.desk.payments.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.ikiiki.desk.notices.RegisteredAccounts;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BusinessYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice run's question answered from the registered accounts: a person has a usable account when the current one
 * is VALID (verified from a form and not returned by the bank). A FAULTY account is not usable: the person gets the
 * 口座登録用紙 again (第8章5). An account serves every business year, so {@code year} does not narrow the answer.
 */
@Component
class UsableAccounts implements RegisteredAccounts {

	private static final int CHUNK = 10_000;

	private final JdbcClient jdbc;

	UsableAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<AddressNumber> withUsableAccount(Collection<AddressNumber> subjects, BusinessYear year) {
		List<AddressNumber> all = List.copyOf(subjects);
		var out = new HashSet<AddressNumber>();
		for (int from = 0; from < all.size(); from += CHUNK) {
			String[] chunk = all.subList(from, Math.min(all.size(), from + CHUNK)).stream().map(AddressNumber::value)
					.toArray(String[]::new);
			jdbc.sql("select address_number from payee_account where state = 'VALID' and address_number = any(:a)")
					.param("a", chunk).query(String.class).list().forEach(a -> out.add(new AddressNumber(a)));
		}
		return out;
	}
}
